//! The server's answers that refuse a backup or restore, as
//! [`Error::Backup`] with what happened.

use crate::Error;
use crate::error::BackupErrorKind;

/// `error` as a backup error when the server's message says what went wrong.
pub(super) fn classify(id: &str, error: Error) -> Error {
    let Error::UnexpectedStatus { status, message, .. } = &error else { return error };
    let kind = match (status, message.as_str()) {
        (_, m) if m.contains("no backup backend") => BackupErrorKind::BackendNotEnabled,
        (_, m) if m.contains("already exists") => BackupErrorKind::AlreadyExists,
        (_, m) if m.contains("already in progress") => BackupErrorKind::InProgress,
        (_, m) if m.contains("doesn't exist in the backup") => BackupErrorKind::CollectionNotInBackup,
        (_, m) if m.contains("doesn't exist") => BackupErrorKind::CollectionNotFound,
        (404, _) => BackupErrorKind::NotFound,
        _ => return error,
    };
    Error::Backup { id: id.to_owned(), kind, message: message.clone() }
}

/// The error of a backup or restore the server reports as finished without success.
pub(super) fn finished(id: &str, phase: super::BackupPhase, reason: Option<&str>) -> Error {
    let message = reason.unwrap_or("no reason given").to_owned();
    let kind = match phase {
        super::BackupPhase::Canceled => BackupErrorKind::Canceled,
        _ if message.contains("already exists") => BackupErrorKind::CollectionExists,
        _ => BackupErrorKind::Failed,
    };
    Error::Backup { id: id.to_owned(), kind, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(status: u16, message: &str) -> BackupErrorKind {
        let error = Error::UnexpectedStatus {
            operation: "POST /v1/backups/filesystem".into(),
            status,
            message: message.into(),
        };
        match classify("b1", error) {
            Error::Backup { kind, .. } => kind,
            other => panic!("not classified: {other}"),
        }
    }

    #[test]
    fn the_servers_refusals_are_named() {
        let exists = r#"backup "b1" already exists at "/data/backups/b1""#;
        assert_eq!(refused(422, exists), BackupErrorKind::AlreadyExists);
        let backend = r#"no backup backend "s3": backup: s3 not found, did you enable the right module?"#;
        assert_eq!(refused(422, backend), BackupErrorKind::BackendNotEnabled);
        assert_eq!(refused(422, "class Nope doesn't exist"), BackupErrorKind::CollectionNotFound);
        let not_in = "class Nope doesn't exist in the backup, but does have [Book]: ";
        assert_eq!(refused(422, not_in), BackupErrorKind::CollectionNotInBackup);
        assert_eq!(refused(404, "backup id \"x\" does not exist"), BackupErrorKind::NotFound);
        assert_eq!(refused(422, "backup b0 already in progress"), BackupErrorKind::InProgress);
        let other = Error::UnexpectedStatus { operation: "x".into(), status: 500, message: "disk full".into() };
        assert!(matches!(classify("b1", other), Error::UnexpectedStatus { .. }));
    }

    #[test]
    fn a_restore_onto_an_existing_collection_is_named() {
        let reason = r#"could not restore classes: ["Book": error when trying to restore class: class name Book already exists]"#;
        let error = finished("b1", super::super::BackupPhase::Failed, Some(reason));
        assert!(matches!(error, Error::Backup { kind: BackupErrorKind::CollectionExists, .. }), "{error}");
    }
}
