//! The two ways chunks reach the server: one request per chunk, or a
//! `BatchStream`.

use super::item::Entry;
use super::stream::StreamLink;
use super::unary::Unary;

/// The [`byte_budget`](Transport::byte_budget) of the modes that choose
/// their own request sizes (the stream and dynamic batching): enough to keep
/// the server busy (about 700 vector objects of 6 KiB, a second or more of
/// its indexing on two cores) while the import's memory stays small.
const BYTE_BUDGET: usize = 4 << 20;

pub(crate) enum Transport<P> {
    Unary(Unary<P>),
    Stream(StreamLink<P>),
}

impl<P: Send + 'static> Transport<P> {
    /// Entries per chunk, as the mode says (the engine keeps chunks within
    /// half the [`byte_budget`](Self::byte_budget) too).
    pub(crate) fn chunk_limit(&self) -> usize {
        match self {
            Self::Unary(unary) => unary.chunk_limit(),
            Self::Stream(stream) => stream.chunk_limit(),
        }
        .max(1)
    }

    /// Whether one more chunk may go, given the entries not yet settled.
    pub(crate) fn has_room(&self, outstanding: usize) -> bool {
        match self {
            Self::Unary(unary) => unary.has_room(),
            Self::Stream(stream) => stream.has_room(outstanding),
        }
    }

    /// The most encoded bytes the engine keeps between the callers and the
    /// server's answers. The stream's window is counted in batches of the
    /// server's recommended size (up to 1000 objects), and dynamic batching
    /// grows to 8 requests of 1000: for large objects (vectors of 1536
    /// dimensions: 6 KiB each) either would hold tens of MiB (dynamic held
    /// 48 to 58 MiB), each entry with its object beside its bytes. Fixed
    /// and rate-limited requests hold what their size and concurrency say.
    pub(crate) fn byte_budget(&self) -> usize {
        match self {
            Self::Unary(unary) if unary.sizes_itself() => BYTE_BUDGET,
            Self::Unary(_) => usize::MAX,
            Self::Stream(_) => BYTE_BUDGET,
        }
    }

    /// Whether a chunk may hold objects and references together.
    pub(crate) fn takes_mixed_chunks(&self) -> bool {
        matches!(self, Self::Stream(_))
    }

    /// One message of settled entries came from the transport: for a
    /// request per chunk, the answer of one request.
    pub(crate) fn answered(&mut self) {
        if let Self::Unary(unary) = self {
            unary.answered();
        }
    }

    pub(crate) fn submit(&mut self, chunk: Vec<Entry<P>>) {
        match self {
            Self::Unary(unary) => unary.submit(chunk),
            Self::Stream(stream) => stream.submit(chunk),
        }
    }

    /// No more chunks will come.
    pub(crate) fn close(&mut self) {
        if let Self::Stream(stream) = self {
            stream.close();
        }
    }
}
