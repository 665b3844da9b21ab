//! When a failed request or a broken stream is worth another try, and how
//! long to wait first.

use std::time::Duration;

use crate::{Error, GrpcCode};

/// Whether a whole-request failure may succeed when retried.
pub(crate) fn is_transient(error: &Error) -> bool {
    match error {
        Error::Connection { .. } | Error::Timeout { .. } => true,
        Error::Grpc { code, .. } => is_transient_code(*code),
        _ => false,
    }
}

/// The gRPC codes of an overloaded, restarting or unreachable server.
pub(crate) fn is_transient_code(code: GrpcCode) -> bool {
    matches!(
        code,
        GrpcCode::Unavailable
            | GrpcCode::ResourceExhausted
            | GrpcCode::Aborted
            | GrpcCode::Internal
            | GrpcCode::Unknown
            | GrpcCode::Cancelled
            | GrpcCode::DeadlineExceeded
    )
}

/// Sleeps until `at`, or forever without one.
pub(crate) async fn sleep_until_some(at: Option<tokio::time::Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

/// How often one object or reference is sent again after a transient
/// per-object error.
pub(crate) const ENTRY_RETRIES: u32 = 4;

/// Whether an error the server gave for one object (not the whole request)
/// may go away: a server that is starting, stopping or overloaded. A
/// collection missing from the schema counts, because a restarting server
/// answers so until its schema is loaded; a collection that is really
/// missing fails after the retries (about 8 s). In a cluster, a replica
/// that cannot be reached (a node just went down or is coming back) counts
/// too: the write goes through once the others notice, or it returns.
pub(crate) fn is_transient_message(message: &str) -> bool {
    const TRANSIENT: [&str; 12] = [
        "not present in schema",
        "shutting down",
        "connection refused",
        "connection is closing",
        "cannot reach enough replicas",
        "cannot achieve consistency level",
        "context deadline exceeded",
        "context canceled",
        "too many requests",
        "rate limit",
        "resource exhausted",
        "try again",
    ];
    let message = message.to_ascii_lowercase();
    TRANSIENT.iter().any(|pattern| message.contains(pattern))
}

/// The wait before retry number `attempt` (1-based): 0.5 s doubling up to 10 s.
pub(crate) fn delay(attempt: u32) -> Duration {
    let millis = 500u64.saturating_mul(1 << attempt.saturating_sub(1).min(5));
    Duration::from_millis(millis.min(10_000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_up_to_ten_seconds() {
        let delays: Vec<u64> = (1..=7).map(|a| delay(a).as_millis() as u64).collect();
        assert_eq!(delays, [500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
    }

    #[test]
    fn per_object_errors_of_a_restarting_server_are_transient() {
        assert!(is_transient_message("class 'JeopardyQuestion' not present in schema"));
        assert!(is_transient_message("Server is Shutting Down"));
        assert!(!is_transient_message("vector lengths don't match: 3 vs 1"));
        assert!(!is_transient_message("no such prop with name 'extra' found in class"));
    }

    #[test]
    fn only_server_side_trouble_is_transient() {
        let grpc = |code| Error::Grpc { operation: "x".into(), code, message: String::new() };
        assert!(is_transient(&grpc(GrpcCode::Unavailable)));
        assert!(is_transient(&grpc(GrpcCode::ResourceExhausted)));
        assert!(!is_transient(&grpc(GrpcCode::InvalidArgument)));
        assert!(!is_transient(&Error::Authentication { operation: "x".into(), message: String::new() }));
    }
}
