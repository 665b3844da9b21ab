//! What the generated code knows of the server it was read from: the
//! defaults it leaves out.

/// The defaults of the server the collections were read from.
#[derive(Debug, Clone, Copy)]
pub(super) struct Server {
    /// Nodes in the cluster: a collection's default shard count.
    pub(super) nodes: u32,
    /// New HNSW indexes filter with ACORN unless told otherwise (from 1.34 on).
    pub(super) acorn_by_default: bool,
    /// New collections resolve deletions by time (the default of recent
    /// servers; older ones leave them unresolved).
    pub(super) time_based_deletion_by_default: bool,
}
