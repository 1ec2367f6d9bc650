//! User API v2 bank-account, virtual-account and terminal endpoints.

use crate::common::ids::Uuid;
use crate::common::params::Params;
use crate::common::respond::{ApiResponse, Flavor};
use crate::dataset::accounts::BankAccount;
use crate::dataset::Dataset;
use crate::v2::model::{list_body, one_body, Pagination, V2BankAccount, V2Terminal, V2Va};
use crate::v2::params::{Dir, PageReq, Validator};
use crate::v2::{account_index, contains_ci, va_index};

fn account_by_path<'a>(ds: &'a Dataset, id: &str) -> Option<&'a BankAccount> {
    let u = Uuid::parse(id)?;
    ds.account(account_index(ds, &u)? + 1)
}

/// Slices one page out of `items`, returning it with its pagination.
fn paginate<T>(items: Vec<T>, page: PageReq) -> (Vec<T>, Pagination) {
    let total = items.len() as u64;
    let pagination = Pagination::new(total, page.page, page.per_page);
    let data = items
        .into_iter()
        .skip(page.offset().min(total) as usize)
        .take(page.per_page as usize)
        .collect();
    (data, pagination)
}

fn apply_dir<T>(items: &mut [T], dir: Dir) {
    if dir == Dir::Desc {
        items.reverse();
    }
}

/// `GET /v2/bank-accounts`.
pub fn list(ds: &Dataset, p: &Params) -> Result<ApiResponse, ApiResponse> {
    let mut v = Validator::new(p);
    let from = v.date("last_transaction_from");
    let to = v.date("last_transaction_to");
    let acc_min = v.uint("accumulated_min");
    let acc_max = v.uint("accumulated_max");
    let active = v.flag("active");
    let created_sort = v.sort("created_at_sort");
    let last_sort = v.sort("last_transaction_sort");
    let acc_sort = v.sort("accumulated_sort");
    let page = v.page();
    let short = v.str("bank_short_name");
    let q = v.str("q").map(str::to_ascii_lowercase);
    v.finish()?;
    let mut items: Vec<&BankAccount> = ds
        .accounts
        .iter()
        .filter(|a| short.is_none_or(|s| a.bank.short_name.eq_ignore_ascii_case(s)))
        .filter(|a| active.is_none_or(|x| a.active == x))
        .filter(|a| acc_min.is_none_or(|m| a.accumulated >= m))
        .filter(|a| acc_max.is_none_or(|m| a.accumulated <= m))
        .filter(|a| {
            (from.is_none() && to.is_none())
                || a.last_transaction.is_some_and(|t| {
                    from.is_none_or(|d| t >= d.lower()) && to.is_none_or(|d| t <= d.upper())
                })
        })
        .filter(|a| {
            q.as_deref().is_none_or(|q| {
                contains_ci(a.holder, q)
                    || contains_ci(a.label, q)
                    || contains_ci(&a.account_number, q)
            })
        })
        .collect();
    let dir = match (acc_sort, last_sort) {
        (Some(d), _) => {
            items.sort_by_key(|a| (a.accumulated, a.index));
            d
        }
        (None, Some(d)) => {
            items.sort_by_key(|a| (a.last_transaction, a.index));
            d
        }
        // Accounts are generated in creation order.
        (None, None) => created_sort.unwrap_or(Dir::Desc),
    };
    apply_dir(&mut items, dir);
    let (data, pagination) = paginate(items, page);
    let data: Vec<V2BankAccount<'_>> = data.into_iter().map(V2BankAccount::new).collect();
    Ok(ApiResponse::json(200, list_body(&data, Some(pagination))))
}

/// `GET /v2/bank-accounts/{id}`.
pub fn details(ds: &Dataset, id: &str) -> ApiResponse {
    match account_by_path(ds, id) {
        Some(a) => ApiResponse::json(200, one_body(&V2BankAccount::new(a))),
        None => ApiResponse::not_found(Flavor::V2),
    }
}

/// `GET /v2/bank-accounts/{id}/va`.
pub fn va_list(ds: &Dataset, id: &str, p: &Params) -> Result<ApiResponse, ApiResponse> {
    let Some(acc) = account_by_path(ds, id) else {
        return Ok(ApiResponse::not_found(Flavor::V2));
    };
    let mut v = Validator::new(p);
    let active = v.flag("active");
    let official = v.flag("official");
    let is_static = v.flag("static");
    let sort = v.sort("created_at_sort").unwrap_or(Dir::Desc);
    let page = v.page();
    let q = v.str("q").map(str::to_ascii_lowercase);
    v.finish()?;
    let mut items: Vec<_> = acc
        .vas
        .iter()
        .filter(|x| active.is_none_or(|f| x.active == f))
        .filter(|x| official.is_none_or(|f| x.official == f))
        .filter(|x| is_static.is_none_or(|f| x.is_static == f))
        .filter(|x| {
            q.as_deref().is_none_or(|q| {
                contains_ci(&x.va, q)
                    || contains_ci(x.sub_holder_name, q)
                    || contains_ci(&x.label, q)
            })
        })
        .collect();
    // VAs are generated in creation order.
    apply_dir(&mut items, sort);
    let (data, pagination) = paginate(items, page);
    let data: Vec<V2Va<'_>> = data.into_iter().map(|x| V2Va::new(acc, x)).collect();
    Ok(ApiResponse::json(200, list_body(&data, Some(pagination))))
}

/// `GET /v2/bank-accounts/{id}/va/{va_id}`.
pub fn va_details(ds: &Dataset, id: &str, va: &str) -> ApiResponse {
    let found = account_by_path(ds, id).and_then(|acc| {
        let (a, j) = va_index(ds, &Uuid::parse(va)?)?;
        (a + 1 == acc.index).then(|| (acc, &acc.vas[j as usize]))
    });
    match found {
        Some((acc, x)) => ApiResponse::json(200, one_body(&V2Va::new(acc, x))),
        None => ApiResponse::not_found(Flavor::V2),
    }
}

/// `GET /v2/bank-accounts/{id}/terminals` (shape invented; Vietcombank only).
pub fn terminals(ds: &Dataset, id: &str) -> ApiResponse {
    match account_by_path(ds, id) {
        Some(acc) => {
            let data: Vec<V2Terminal<'_>> = acc.terminals.iter().map(V2Terminal::new).collect();
            ApiResponse::json(200, list_body(&data, None))
        }
        None => ApiResponse::not_found(Flavor::V2),
    }
}
