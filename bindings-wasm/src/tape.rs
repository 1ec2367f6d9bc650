//! Results cross to JavaScript as a *tape* instead of JSON text (ADR 0006,
//! issue 14). Any `Serialize` value is written as three flat buffers, read in
//! place by `tape.js`:
//!
//! - `ops` (`u32`): one opcode per value plus its argument (a length, a count
//!   or a shape id);
//! - `numbers` (`f64`): the numbers, in order;
//! - `text` (UTF-8): every string, one after the other, decoded once by the
//!   runtime's `TextDecoder` and cut with `substring` (lengths are UTF-16 units).
//!
//! A struct is a *shape*: its camelCase keys are registered once per module and
//! `tape.js` compiles one object-literal constructor per shape, so a page of
//! 5,000 transactions costs 5,000 constructor calls instead of a 1.8 MB
//! `JSON.parse`, and no JSON is written. The values are what serde_json would
//! have written and `JSON.parse` read: every object key camelCase, non-finite
//! floats `null`, integers as (possibly rounded) numbers.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

use serde::ser::{self, Serialize};

use crate::convert::camel;

/// The opcodes (the same numbers are in `tape.js`).
const NULL: u32 = 0;
const FALSE: u32 = 1;
const TRUE: u32 = 2;
/// The next number of `numbers`.
const NUM: u32 = 3;
/// A string: followed by its length in UTF-16 units; its text is next in `text`.
const STR: u32 = 4;
/// An array: followed by its length, then the elements.
const SEQ: u32 = 5;
/// An object with keys from the data: followed by the entry count, then each
/// entry's key (a `STR`) and value.
const MAP: u32 = 6;
/// A struct: followed by its shape id, then the value of each of its keys.
const SHAPE: u32 = 7;

/// The three buffers of one result.
#[derive(Default)]
pub struct Tape {
    pub ops: Vec<u32>,
    pub numbers: Vec<f64>,
    pub text: Vec<u8>,
}

/// The struct shapes registered so far in this module (they only grow), and
/// how many of them `tape.js` already has.
#[derive(Default)]
struct Shapes {
    keys: Vec<Vec<&'static str>>,
    ids: HashMap<Vec<&'static str>, u32>,
    /// The last shape each struct (by name) had: the common case is checked
    /// by comparing key pointers, without hashing.
    last: HashMap<&'static str, u32>,
    sent: usize,
}

thread_local! {
    // The module is single-threaded; buffers are reused from call to call.
    static TAPE: RefCell<Tape> = RefCell::new(Tape::default());
    static SHAPES: RefCell<Shapes> = RefCell::new(Shapes::default());
}

/// Writes `value` and hands the tape to `read` with the shapes registered
/// since the last call (JSON text of their key lists, or `None`).
pub fn with_tape<T: Serialize + ?Sized, R>(
    value: &T,
    read: impl FnOnce(&Tape, Option<String>) -> R,
) -> std::result::Result<R, String> {
    let mut tape = TAPE.with(|t| t.take());
    tape.ops.clear();
    tape.numbers.clear();
    tape.text.clear();
    let written = SHAPES.with(|shapes| {
        let mut shapes = shapes.borrow_mut();
        let mut writer = Writer {
            tape: &mut tape,
            shapes: &mut shapes,
            keys: Vec::new(),
        };
        value.serialize(&mut writer).map_err(|e| e.0)?;
        Ok::<_, String>(shapes.unsent())
    });
    let out = written.map(|new_shapes| read(&tape, new_shapes));
    TAPE.with(|t| t.replace(tape));
    out
}

impl Shapes {
    /// The id of the shape with these keys, registering it if new.
    fn id(&mut self, name: &'static str, keys: &[&'static str]) -> u32 {
        if let Some(&id) = self.last.get(name) {
            let known = &self.keys[id as usize];
            let same = known.len() == keys.len()
                && known
                    .iter()
                    .zip(keys)
                    .all(|(a, b)| std::ptr::eq(*a, *b) || a == b);
            if same {
                return id;
            }
        }
        let id = match self.ids.get(keys) {
            Some(&id) => id,
            None => {
                let id = self.keys.len() as u32;
                self.keys.push(keys.to_vec());
                self.ids.insert(keys.to_vec(), id);
                id
            }
        };
        self.last.insert(name, id);
        id
    }

    /// The camelCase keys of the shapes `tape.js` does not have yet.
    fn unsent(&mut self) -> Option<String> {
        if self.sent == self.keys.len() {
            return None;
        }
        let new: Vec<Vec<String>> = self.keys[self.sent..]
            .iter()
            .map(|keys| keys.iter().map(|k| camel(k)).collect())
            .collect();
        self.sent = self.keys.len();
        serde_json::to_string(&new).ok()
    }
}

/// A value that cannot be written (a map key that is not a string or number).
#[derive(Debug)]
pub struct TapeError(String);

impl fmt::Display for TapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TapeError {}

impl ser::Error for TapeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        TapeError(msg.to_string())
    }
}

type Result<T = ()> = std::result::Result<T, TapeError>;

/// The serializer: writes into the tape; `keys` holds the keys of the structs
/// being written (innermost last).
struct Writer<'a> {
    tape: &'a mut Tape,
    shapes: &'a mut Shapes,
    keys: Vec<&'static str>,
}

impl Writer<'_> {
    fn op(&mut self, op: u32, arg: u32) {
        self.tape.ops.push(op);
        self.tape.ops.push(arg);
    }

    fn number(&mut self, n: f64) {
        if n.is_finite() {
            self.tape.ops.push(NUM);
            self.tape.numbers.push(n);
        } else {
            self.tape.ops.push(NULL);
        }
    }

    fn string(&mut self, s: &str) {
        let units = if s.is_ascii() {
            s.len()
        } else {
            s.chars().map(char::len_utf16).sum()
        };
        self.op(STR, units as u32);
        self.tape.text.extend_from_slice(s.as_bytes());
    }

    /// A one-entry object `{camel(variant): …}` (serde's externally tagged enums).
    fn tagged(&mut self, variant: &'static str) {
        self.op(MAP, 1);
        self.string(&camel(variant));
    }
}

/// Starts a sequence or map (`op`) whose length may be unknown: the count is
/// patched in at the end.
fn open_counted<'s, 'a>(w: &'s mut Writer<'a>, op: u32) -> Compound<'s, 'a> {
    w.op(op, 0);
    let slot = w.tape.ops.len() - 1;
    Compound::Counted { w, slot, count: 0 }
}

/// Starts a struct: its shape id is patched in at the end, once its keys
/// (some may be skipped) are known.
fn open_struct<'s, 'a>(w: &'s mut Writer<'a>, name: &'static str) -> Compound<'s, 'a> {
    w.op(SHAPE, 0);
    let slot = w.tape.ops.len() - 1;
    let from = w.keys.len();
    Compound::Struct {
        w,
        slot,
        name,
        from,
    }
}

/// A sequence, map or struct being written.
enum Compound<'s, 'a> {
    /// Elements or entries counted, the count patched in at `slot`.
    Counted {
        w: &'s mut Writer<'a>,
        slot: usize,
        count: u32,
    },
    /// A struct: its keys collected from `from`, its shape id patched at `slot`.
    Struct {
        w: &'s mut Writer<'a>,
        slot: usize,
        name: &'static str,
        from: usize,
    },
}

impl Compound<'_, '_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        match self {
            Compound::Counted { w, count, .. } => {
                *count += 1;
                value.serialize(&mut **w)
            }
            Compound::Struct { .. } => Err(ser::Error::custom("an element inside a struct")),
        }
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        match self {
            Compound::Struct { w, .. } => {
                w.keys.push(key);
                value.serialize(&mut **w)
            }
            Compound::Counted { .. } => Err(ser::Error::custom("a field outside a struct")),
        }
    }

    fn finish(self) -> Result {
        match self {
            Compound::Counted { w, slot, count } => {
                w.tape.ops[slot] = count;
            }
            Compound::Struct {
                w,
                slot,
                name,
                from,
            } => {
                let id = w.shapes.id(name, &w.keys[from..]);
                w.keys.truncate(from);
                w.tape.ops[slot] = id;
            }
        }
        Ok(())
    }
}

/// Serializer methods of the integer types a double holds exactly.
macro_rules! numbers {
    ($($method:ident : $t:ty),* $(,)?) => {$(
        fn $method(self, v: $t) -> Result {
            self.number(f64::from(v));
            Ok(())
        }
    )*};
}

impl<'s, 'a> ser::Serializer for &'s mut Writer<'a> {
    type Ok = ();
    type Error = TapeError;
    type SerializeSeq = Compound<'s, 'a>;
    type SerializeTuple = Compound<'s, 'a>;
    type SerializeTupleStruct = Compound<'s, 'a>;
    type SerializeTupleVariant = Compound<'s, 'a>;
    type SerializeMap = Compound<'s, 'a>;
    type SerializeStruct = Compound<'s, 'a>;
    type SerializeStructVariant = Compound<'s, 'a>;

    fn serialize_bool(self, v: bool) -> Result {
        self.tape.ops.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    numbers!(
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
    );
    fn serialize_i64(self, v: i64) -> Result {
        // As `JSON.parse` reads the digits serde_json would write: the
        // nearest double.
        self.number(v as f64);
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result {
        self.number(v as f64);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result {
        // serde_json writes an f32's shortest digits; JSON.parse reads them.
        self.number(v.to_string().parse().unwrap_or(f64::NAN));
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result {
        self.op(SEQ, v.len() as u32);
        for b in v {
            self.number(f64::from(*b));
        }
        Ok(())
    }
    fn serialize_none(self) -> Result {
        self.tape.ops.push(NULL);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        self.tape.ops.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.tagged(variant);
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Ok(open_counted(self, SEQ))
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        self.tagged(variant);
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Ok(open_counted(self, MAP))
    }
    fn serialize_struct(self, name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Ok(open_struct(self, name))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        self.tagged(variant);
        Ok(open_struct(self, variant))
    }
}

/// The sequence-like serde traits: each element is one more value.
macro_rules! elements {
    ($($trait:ident :: $method:ident),* $(,)?) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = TapeError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
                self.element(value)
            }
            fn end(self) -> Result {
                self.finish()
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        match self {
            Compound::Counted { w, count, .. } => {
                *count += 1;
                let key = key.serialize(MapKey)?;
                w.string(&camel(&key));
                Ok(())
            }
            Compound::Struct { .. } => Err(ser::Error::custom("a map key inside a struct")),
        }
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        match self {
            Compound::Counted { w, .. } => value.serialize(&mut **w),
            Compound::Struct { .. } => Err(ser::Error::custom("a map value inside a struct")),
        }
    }
    fn end(self) -> Result {
        self.finish()
    }
}

/// The struct-like serde traits: named fields, one shape.
macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = TapeError;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result {
                self.field(key, value)
            }
            fn end(self) -> Result {
                self.finish()
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

/// Map-key methods whose value is written as its text.
macro_rules! as_text {
    ($($method:ident : $t:ty),* $(,)?) => {$(
        fn $method(self, v: $t) -> Result<String> {
            Ok(v.to_string())
        }
    )*};
}

/// A map key as the text serde_json would write for it (strings, characters,
/// integers, booleans and unit variants).
struct MapKey;

impl ser::Serializer for MapKey {
    type Ok = String;
    type Error = TapeError;
    type SerializeSeq = ser::Impossible<String, TapeError>;
    type SerializeTuple = ser::Impossible<String, TapeError>;
    type SerializeTupleStruct = ser::Impossible<String, TapeError>;
    type SerializeTupleVariant = ser::Impossible<String, TapeError>;
    type SerializeMap = ser::Impossible<String, TapeError>;
    type SerializeStruct = ser::Impossible<String, TapeError>;
    type SerializeStructVariant = ser::Impossible<String, TapeError>;

    as_text!(
        serialize_bool: bool,
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64,
        serialize_char: char,
        serialize_str: &str,
    );
    fn serialize_f32(self, _: f32) -> Result<String> {
        Err(not_a_key())
    }
    fn serialize_f64(self, _: f64) -> Result<String> {
        Err(not_a_key())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<String> {
        Err(not_a_key())
    }
    fn serialize_none(self) -> Result<String> {
        Err(not_a_key())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<String> {
        Err(not_a_key())
    }
    fn serialize_unit(self) -> Result<String> {
        Err(not_a_key())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String> {
        Err(not_a_key())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String> {
        Ok(variant.to_string())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String> {
        Err(not_a_key())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(not_a_key())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple> {
        Err(not_a_key())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(not_a_key())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(not_a_key())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap> {
        Err(not_a_key())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct> {
        Err(not_a_key())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(not_a_key())
    }
}

fn not_a_key() -> TapeError {
    TapeError("an object key must be a string or a number".to_string())
}
