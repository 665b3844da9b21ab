//! Batch requests written from objects encoded once: an object added to a
//! batch is encoded into its protobuf bytes when it is added, and every
//! request that carries it (the first and each resend) writes those bytes
//! as they are, with no copy of the message and no second encoding.
//!
//! [`Encoded`] is a request message made of such parts: tonic's codec asks
//! it for its length and its bytes, and it hands over the parts in order.

use prost::bytes::{BufMut, Bytes};
use prost::encoding::{WireType, encode_key, encode_varint, encoded_len_varint};
use weaviate_orm_proto::v1 as pb;

use super::span::{Scope, Scoped};
use crate::value::read::{Field, Fields};

/// A `BatchObject`'s protobuf encoding.
#[derive(Debug, Clone)]
pub(crate) struct EncodedObject {
    bytes: Bytes,
}

impl EncodedObject {
    /// The encoding of `message`.
    #[cfg(test)]
    pub(crate) fn new(message: &pb::BatchObject) -> Self {
        Self::from_bytes(prost::Message::encode_to_vec(message))
    }

    /// A `BatchObject` encoded by the caller.
    pub(crate) fn from_bytes(bytes: Vec<u8>) -> Self {
        Self { bytes: Bytes::from(bytes) }
    }

    /// Its length in bytes.
    pub(crate) fn len(&self) -> usize {
        self.bytes.len()
    }

    /// The collection and tenant it is written to (fields 4 and 5 of the
    /// encoding), for the request's span.
    fn target(&self) -> (&str, &str) {
        let (mut collection, mut tenant) = ("", "");
        let mut fields = Fields(&self.bytes);
        while let Ok(Some((tag, field))) = fields.next_field() {
            match (tag, field) {
                (4, Field::Bytes(value)) => collection = std::str::from_utf8(value).unwrap_or_default(),
                (5, Field::Bytes(value)) => tenant = std::str::from_utf8(value).unwrap_or_default(),
                _ => {}
            }
        }
        (collection, tenant)
    }
}

impl AsRef<[u8]> for EncodedObject {
    fn as_ref(&self) -> &[u8] {
        &self.bytes
    }
}

/// A request message written from parts encoded beforehand.
#[derive(Debug, Clone, Default)]
pub(crate) struct Encoded {
    parts: Vec<Bytes>,
    len: usize,
    /// What the request addresses, for its span.
    collection: String,
    tenant: String,
    consistency: Option<i32>,
    objects: usize,
}

/// `BatchObjectsRequest.objects`, `BatchStreamRequest.data`,
/// `Data.objects`, `Data.references`, `Objects.values`, `References.values`.
const OBJECTS: u32 = 1;
const DATA: u32 = 2;
const DATA_OBJECTS: u32 = 1;
const DATA_REFERENCES: u32 = 2;
const VALUES: u32 = 1;
/// `BatchObjectsRequest.consistency_level`.
const CONSISTENCY: u32 = 2;

impl Encoded {
    /// A whole message, encoded now (the stream's `Start` and `Stop`).
    pub(crate) fn message(message: &impl prost::Message) -> Self {
        let bytes = Bytes::from(message.encode_to_vec());
        Self { len: bytes.len(), parts: vec![bytes], ..Self::default() }
    }

    /// A `BatchObjectsRequest` carrying `objects` at `consistency`.
    pub(crate) fn batch_objects(objects: &[EncodedObject], consistency: Option<i32>) -> Self {
        let mut request = Self::addressing(objects, consistency);
        for object in objects {
            request.field_header(OBJECTS, object.len());
            request.push(object.bytes.clone());
        }
        if let Some(level) = consistency {
            let mut tail = Vec::with_capacity(11);
            encode_key(CONSISTENCY, WireType::Varint, &mut tail);
            // As prost writes an `int32`: sign-extended to 64 bits.
            encode_varint(i64::from(level) as u64, &mut tail);
            request.push(tail.into());
        }
        request
    }

    /// A `BatchStreamRequest` with a `Data` message of `objects` and `references`.
    pub(crate) fn stream_data(objects: &[EncodedObject], references: &[pb::BatchReference]) -> Self {
        let mut request = Self::addressing(objects, None);
        let objects_len: usize = objects.iter().map(|o| field_len(VALUES, o.len())).sum();
        let references: Vec<Bytes> = references.iter().map(|r| Bytes::from(prost::Message::encode_to_vec(r))).collect();
        let references_len: usize = references.iter().map(|r| field_len(VALUES, r.len())).sum();
        let data_len = field_len(DATA_OBJECTS, objects_len) + field_len(DATA_REFERENCES, references_len);
        request.field_header(DATA, data_len);
        request.field_header(DATA_OBJECTS, objects_len);
        for object in objects {
            request.field_header(VALUES, object.len());
            request.push(object.bytes.clone());
        }
        request.field_header(DATA_REFERENCES, references_len);
        for reference in references {
            request.field_header(VALUES, reference.len());
            request.push(reference);
        }
        request
    }

    fn addressing(objects: &[EncodedObject], consistency: Option<i32>) -> Self {
        let (collection, tenant) = objects.first().map_or(("", ""), EncodedObject::target);
        Self {
            parts: Vec::with_capacity(2 * objects.len() + 4),
            collection: collection.to_owned(),
            tenant: tenant.to_owned(),
            consistency,
            objects: objects.len(),
            ..Self::default()
        }
    }

    /// The key of field `tag` (length-delimited) and the length `len`.
    fn field_header(&mut self, tag: u32, len: usize) {
        let mut header = Vec::with_capacity(10);
        encode_key(tag, WireType::LengthDelimited, &mut header);
        encode_varint(len as u64, &mut header);
        self.push(header.into());
    }

    fn push(&mut self, part: Bytes) {
        self.len += part.len();
        self.parts.push(part);
    }
}

/// The encoded length of a length-delimited field `tag` of `len` bytes.
fn field_len(tag: u32, len: usize) -> usize {
    prost::encoding::key_len(tag) + encoded_len_varint(len as u64) + len
}

impl prost::Message for Encoded {
    fn encode_raw(&self, buf: &mut impl BufMut) {
        for part in &self.parts {
            buf.put_slice(part);
        }
    }

    fn merge_field(
        &mut self,
        tag: u32,
        wire_type: WireType,
        buf: &mut impl prost::bytes::Buf,
        ctx: prost::encoding::DecodeContext,
    ) -> Result<(), prost::DecodeError> {
        // Only ever sent, never read.
        prost::encoding::skip_field(wire_type, tag, buf, ctx)
    }

    fn encoded_len(&self) -> usize {
        self.len
    }

    fn clear(&mut self) {
        *self = Self::default();
    }
}

impl Scoped for Encoded {
    fn scope(&self) -> Scope<'_> {
        Scope {
            collection: &self.collection,
            tenant: &self.tenant,
            consistency: self.consistency,
            objects: self.objects,
        }
    }
}

#[cfg(test)]
mod tests {
    use prost::Message;

    use super::*;

    fn object(n: u8) -> pb::BatchObject {
        pb::BatchObject {
            uuid: format!("00000000-0000-0000-0000-0000000000{n:02}"),
            collection: "Article".into(),
            tenant: if n.is_multiple_of(2) { "acme".into() } else { String::new() },
            vector_bytes: vec![n; 300],
            ..Default::default()
        }
    }

    #[test]
    fn a_request_of_encoded_objects_is_the_request_prost_writes() {
        let objects: Vec<pb::BatchObject> = (0..5).map(object).collect();
        let encoded: Vec<EncodedObject> = objects.iter().map(EncodedObject::new).collect();
        for consistency in [None, Some(2)] {
            let expected = pb::BatchObjectsRequest { objects: objects.clone(), consistency_level: consistency };
            let request = Encoded::batch_objects(&encoded, consistency);
            assert_eq!(request.encode_to_vec(), expected.encode_to_vec());
            assert_eq!(request.encoded_len(), expected.encoded_len());
        }
    }

    #[test]
    fn a_stream_data_message_is_the_one_prost_writes() {
        use weaviate_orm_proto::v1::batch_stream_request::{Message as Kind, data};
        let objects: Vec<pb::BatchObject> = (0..3).map(object).collect();
        let encoded: Vec<EncodedObject> = objects.iter().map(EncodedObject::new).collect();
        let references = vec![pb::BatchReference { name: "author".into(), ..Default::default() }];
        let expected = pb::BatchStreamRequest {
            message: Some(Kind::Data(pb::batch_stream_request::Data {
                objects: Some(data::Objects { values: objects }),
                references: Some(data::References { values: references.clone() }),
            })),
        };
        let request = Encoded::stream_data(&encoded, &references);
        assert_eq!(request.encode_to_vec(), expected.encode_to_vec());
        assert_eq!(pb::BatchStreamRequest::decode(request.encode_to_vec().as_slice()).ok(), Some(expected));
    }

    #[test]
    fn the_span_names_the_first_objects_collection_and_tenant() {
        let encoded = EncodedObject::new(&object(2));
        assert_eq!(encoded.target(), ("Article", "acme"));
        let request = Encoded::batch_objects(&[encoded], None);
        let scope = request.scope();
        assert_eq!((scope.collection, scope.tenant, scope.objects), ("Article", "acme", 1));
    }
}
