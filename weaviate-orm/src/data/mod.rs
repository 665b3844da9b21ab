//! The writes of a typed [`Collection`](crate::Collection): single
//! operations (insert, replace, partial update, delete, exists, fetch by id),
//! `insert_many` with per-object errors, filtered deletes, reference
//! operations, and [`batch`] imports where nothing is lost. Reads are in
//! [`crate::query`].

pub mod batch;
mod delete_many;
pub(crate) mod encode;
mod insert;
mod objects;
mod references;
pub(crate) mod requests;
mod update;

pub use batch::{
    AnyCollection, AnyObject, Batch, BatchBuilder, BatchHandle, BatchMode, BatchProgress, BatchReport, ClientBatch,
    ClientBatchHandle, FailedObject, FailedReference,
};
pub use delete_many::{DeleteMany, DeleteManyReport, DeletedObject};
pub use insert::InsertManyReport;
pub use references::ReferencesReport;
pub use update::Update;
