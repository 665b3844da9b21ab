//! [`GrpcCode`]: the crate's own copy of the gRPC status codes, so that the
//! public error type does not tie users to one version of `tonic`.

use std::fmt;

/// A gRPC status code, as in [`Error::Grpc`](crate::Error::Grpc).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum GrpcCode {
    /// `OK` (0).
    Ok,
    /// `CANCELLED` (1).
    Cancelled,
    /// `UNKNOWN` (2).
    Unknown,
    /// `INVALID_ARGUMENT` (3).
    InvalidArgument,
    /// `DEADLINE_EXCEEDED` (4).
    DeadlineExceeded,
    /// `NOT_FOUND` (5).
    NotFound,
    /// `ALREADY_EXISTS` (6).
    AlreadyExists,
    /// `PERMISSION_DENIED` (7).
    PermissionDenied,
    /// `RESOURCE_EXHAUSTED` (8).
    ResourceExhausted,
    /// `FAILED_PRECONDITION` (9).
    FailedPrecondition,
    /// `ABORTED` (10).
    Aborted,
    /// `OUT_OF_RANGE` (11).
    OutOfRange,
    /// `UNIMPLEMENTED` (12).
    Unimplemented,
    /// `INTERNAL` (13).
    Internal,
    /// `UNAVAILABLE` (14).
    Unavailable,
    /// `DATA_LOSS` (15).
    DataLoss,
    /// `UNAUTHENTICATED` (16).
    Unauthenticated,
}

impl From<tonic::Code> for GrpcCode {
    fn from(code: tonic::Code) -> Self {
        use tonic::Code as C;
        match code {
            C::Ok => Self::Ok,
            C::Cancelled => Self::Cancelled,
            C::Unknown => Self::Unknown,
            C::InvalidArgument => Self::InvalidArgument,
            C::DeadlineExceeded => Self::DeadlineExceeded,
            C::NotFound => Self::NotFound,
            C::AlreadyExists => Self::AlreadyExists,
            C::PermissionDenied => Self::PermissionDenied,
            C::ResourceExhausted => Self::ResourceExhausted,
            C::FailedPrecondition => Self::FailedPrecondition,
            C::Aborted => Self::Aborted,
            C::OutOfRange => Self::OutOfRange,
            C::Unimplemented => Self::Unimplemented,
            C::Internal => Self::Internal,
            C::Unavailable => Self::Unavailable,
            C::DataLoss => Self::DataLoss,
            C::Unauthenticated => Self::Unauthenticated,
        }
    }
}

impl fmt::Display for GrpcCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}
