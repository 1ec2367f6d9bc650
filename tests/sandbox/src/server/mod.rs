//! The server itself: configuration, start-up and the in-process handle,
//! the accept loop, the API request pipeline (rate limit, faults, auth,
//! routing to a surface, request log), the shared state and the
//! `/__sandbox/…` control endpoints.

pub mod admin;
pub mod auth;
pub mod config;
pub mod connections;
pub mod faults;
pub mod handle;
pub mod log;
pub mod mangle;
pub mod pipeline;
pub mod prerender;
pub mod ratelimit;
pub mod state;
pub mod surface;
