//! Checks on what the server answered: a value the client cannot trust
//! (a negative count, a malformed id) is an [`Error::UnexpectedResponse`],
//! never a default that looks like data.

use uuid::Uuid;
use weaviate_orm_proto::v1 as pb;

use crate::{Error, Result};

pub(crate) mod object;

/// The error for an answer to `operation` that the client cannot use.
pub(crate) fn unexpected(operation: &str, message: impl Into<String>) -> Error {
    Error::UnexpectedResponse { operation: operation.to_owned(), message: message.into() }
}

/// A count the server sent, which must be there and not negative.
pub(crate) fn count(operation: &str, what: &str, value: Option<i64>) -> Result<u64> {
    let value = value.ok_or_else(|| unexpected(operation, format!("no {what} in the answer")))?;
    u64::try_from(value).map_err(|_| unexpected(operation, format!("a negative {what} ({value})")))
}

/// An object id the server sent as text.
pub(crate) fn uuid_text(operation: &str, text: &str) -> Result<Uuid> {
    Uuid::parse_str(text).map_err(|e| unexpected(operation, format!("object id {text:?}: {e}")))
}

/// An object id the server sent as 16 bytes.
pub(crate) fn uuid_bytes(operation: &str, bytes: &[u8]) -> Result<Uuid> {
    Uuid::from_slice(bytes).map_err(|e| unexpected(operation, format!("object id of {} bytes: {e}", bytes.len())))
}

/// Checks that every error names a position of the request.
pub(crate) fn positions(operation: &str, count: usize, errors: Vec<pb::BatchError>) -> Result<Vec<(usize, String)>> {
    errors
        .into_iter()
        .map(|error| match usize::try_from(error.index).ok().filter(|i| *i < count) {
            Some(position) => Ok((position, error.error)),
            None => Err(Error::UnexpectedResponse {
                operation: operation.into(),
                message: format!("error for unknown index {}: {}", error.index, error.error),
            }),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untrustworthy_values_are_errors() {
        assert_eq!(count("Aggregate", "count", Some(3)).ok(), Some(3));
        assert!(count("Aggregate", "count", Some(-1)).is_err());
        assert!(count("Aggregate", "count", None).is_err());
        assert!(uuid_text("Search", "not-a-uuid").is_err());
        assert!(uuid_bytes("BatchDelete", &[1, 2, 3]).is_err());
        assert_eq!(uuid_bytes("BatchDelete", &[0; 16]).ok(), Some(Uuid::nil()));
    }
}
