//! The two ways chunks reach the server: one request per chunk, or a
//! `BatchStream`.

use super::item::Entry;
use super::stream::StreamLink;
use super::unary::Unary;

pub(crate) enum Transport<P> {
    Unary(Unary<P>),
    Stream(StreamLink<P>),
}

impl<P: Send + 'static> Transport<P> {
    /// Entries per chunk.
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

    /// Whether a chunk may hold objects and references together.
    pub(crate) fn takes_mixed_chunks(&self) -> bool {
        matches!(self, Self::Stream(_))
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
