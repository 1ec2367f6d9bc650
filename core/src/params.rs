//! Operation parameters from loosely typed input: a binding passes keyword
//! arguments (Python) or an options object (JavaScript) as a JSON object, and
//! gets the typed `...Params` struct back, or a validation error naming the
//! parameter, before anything is sent.

use serde::de::{self, DeserializeOwned, Visitor};
use serde::forward_to_deserialize_any;
use serde_json::{Map, Value};

use crate::error::{Error, FieldError, Result};
use crate::json_path;

/// Builds `T` from named values. Unknown names and values of the wrong type
/// fail with [`Error::Validation`] (no HTTP status) naming the parameter.
pub fn from_json<T: DeserializeOwned>(operation: &str, fields: Map<String, Value>) -> Result<T> {
    let known = field_names::<T>();
    if let Some(unknown) = fields.keys().find(|k| !known.contains(&k.as_str())) {
        return Err(invalid(
            operation,
            unknown,
            format!(
                "is not a parameter of {operation} (expected one of: {})",
                known.join(", ")
            ),
        ));
    }
    json_path::from_str(&Value::Object(fields).to_string())
        .map_err(|(field, message)| invalid(operation, &field, message))
}

fn invalid(operation: &str, field: &str, message: String) -> Error {
    Error::Validation {
        operation: operation.to_string(),
        status: None,
        code: None,
        message: format!("invalid parameter `{field}`"),
        field_errors: vec![FieldError {
            field: field.to_string(),
            message,
        }],
    }
}

/// The parameter names `T` accepts, in declaration order (empty when `T` is
/// not a struct). Bindings use it for parity checks against their signatures.
pub fn field_names<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut probe = FieldProbe(None);
    let _ = T::deserialize(&mut probe);
    probe.0.unwrap_or(&[])
}

/// A deserializer that only records the field list serde asks a struct for.
struct FieldProbe(Option<&'static [&'static str]>);

impl<'de> de::Deserializer<'de> for &mut FieldProbe {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> std::result::Result<V::Value, Self::Error> {
        Err(de::Error::custom("not a struct"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> std::result::Result<V::Value, Self::Error> {
        self.0 = Some(fields);
        Err(de::Error::custom("field names recorded"))
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::userapi::v1::V1TransactionListParams;
    use crate::userapi::v2::{SortOrder, V2TransactionListParams};
    use crate::DateBound;

    fn obj(v: Value) -> Map<String, Value> {
        match v {
            Value::Object(m) => m,
            _ => unreachable!(),
        }
    }

    #[test]
    fn builds_typed_params() {
        let p: V2TransactionListParams = from_json(
            "v2.transactions.list",
            obj(serde_json::json!({
                "per_page": 50,
                "transaction_date_from": "2024-01-02",
                "amount_in_min": "1000",
                "transaction_date_sort": "asc",
                "q": null,
            })),
        )
        .unwrap();
        assert_eq!(p.per_page, Some(50));
        assert_eq!(
            p.transaction_date_from,
            DateBound::parse("2024-01-02").map(Some).unwrap()
        );
        assert_eq!(p.amount_in_min.unwrap().to_dong(), Some(1000));
        assert_eq!(p.transaction_date_sort, Some(SortOrder::Asc));
        assert_eq!(p.q, None);
    }

    #[test]
    fn names_the_bad_parameter() {
        let e = from_json::<V1TransactionListParams>(
            "v1.transactions.list",
            obj(serde_json::json!({"limt": 5})),
        )
        .unwrap_err();
        assert_eq!(e.field_errors()[0].field, "limt");
        assert!(
            e.to_string().contains("expected one of: account_number"),
            "{e}"
        );
        let e = from_json::<V1TransactionListParams>(
            "v1.transactions.list",
            obj(serde_json::json!({"since_id": "x"})),
        )
        .unwrap_err();
        assert_eq!(e.field_errors()[0].field, "since_id");
        assert!(e.to_string().contains("invalid type"), "{e}");
        assert_eq!(e.status(), None);
    }

    #[test]
    fn lists_field_names_in_order() {
        let names = field_names::<V1TransactionListParams>();
        assert_eq!(names.first(), Some(&"account_number"));
        assert!(names.contains(&"amount_out"));
        assert!(field_names::<u32>().is_empty());
    }
}
