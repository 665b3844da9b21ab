//! Vectors on objects: [`Vector`] (one vector or a multi-vector) and
//! [`VectorType`], the Rust field types that hold them.

use weaviate_orm_proto::v1 as pb;

use crate::value::ValueError;

/// An object's vector: one embedding, or several (a multi-vector, for
/// late-interaction models such as ColBERT).
#[derive(Debug, Clone, PartialEq)]
pub enum Vector {
    /// One vector.
    Single(Vec<f32>),
    /// Several vectors of the same length.
    Multi(Vec<Vec<f32>>),
}

impl Vector {
    /// Refuses NaN and infinite components: every distance to such a
    /// vector is NaN, so the server could neither rank nor index it.
    pub(crate) fn check_finite(&self) -> Result<(), ValueError> {
        let rows = match self {
            Self::Single(values) => std::slice::from_ref(values),
            Self::Multi(rows) => rows.as_slice(),
        };
        match rows.iter().flatten().find(|v| !v.is_finite()) {
            None => Ok(()),
            Some(bad) => Err(ValueError { expected: "finite vector components".into(), found: bad.to_string() }),
        }
    }

    /// The vector as the gRPC message, under `name` (`""` for the default vector).
    pub(crate) fn to_proto(&self, name: &str) -> Result<pb::Vectors, ValueError> {
        use pb::vectors::VectorType as Kind;
        let (vector_bytes, kind) = match self {
            Self::Single(values) => (f32_bytes(values), Kind::SingleFp32),
            Self::Multi(rows) => (multi_bytes(rows)?, Kind::MultiFp32),
        };
        Ok(pb::Vectors { name: name.to_owned(), vector_bytes, r#type: kind.into() })
    }

    /// A vector from a result message.
    pub(crate) fn from_proto(vectors: &pb::Vectors) -> Result<Self, ValueError> {
        match pb::vectors::VectorType::try_from(vectors.r#type) {
            Ok(pb::vectors::VectorType::MultiFp32) => from_multi_bytes(&vectors.vector_bytes).map(Self::Multi),
            _ => from_f32_bytes(&vectors.vector_bytes).map(Self::Single),
        }
    }
}

/// How errors name a vector: `vector` (the default one) or `vector body`.
pub(crate) fn vector_label(name: &str) -> String {
    if name.is_empty() { "vector".to_owned() } else { format!("vector {name}") }
}

/// Puts `vector` into a batch message: the default one (named `""`) as
/// bytes, a named one or a multi-vector in `vectors`. A non-finite value is refused.
pub(crate) fn put_vector(message: &mut pb::BatchObject, name: &str, vector: &Vector) -> Result<(), ValueError> {
    vector.check_finite()?;
    match (name, vector) {
        ("", Vector::Single(values)) => message.vector_bytes = f32_bytes(values),
        (name, vector) => message.vectors.push(vector.to_proto(name)?),
    }
    Ok(())
}

pub(crate) fn f32_bytes(values: &[f32]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(values.len() * 4);
    values.iter().for_each(|v| bytes.extend_from_slice(&v.to_le_bytes()));
    bytes
}

pub(crate) fn from_f32_bytes(bytes: &[u8]) -> Result<Vec<f32>, ValueError> {
    let chunks = bytes.chunks_exact(4);
    if !chunks.remainder().is_empty() {
        return Err(ValueError { expected: "a multiple of 4 bytes".into(), found: format!("{} bytes", bytes.len()) });
    }
    Ok(chunks.map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
}

/// Row width as u16 little-endian, then the rows.
fn multi_bytes(rows: &[Vec<f32>]) -> Result<Vec<u8>, ValueError> {
    let width = rows.first().map_or(0, Vec::len);
    if let Some(row) = rows.iter().find(|r| r.len() != width) {
        return Err(ValueError {
            expected: format!("rows of {width} values in a multi-vector"),
            found: format!("a row of {}", row.len()),
        });
    }
    let width = u16::try_from(width)
        .map_err(|_| ValueError { expected: "at most 65535 dimensions".into(), found: width.to_string() })?;
    let mut bytes = width.to_le_bytes().to_vec();
    rows.iter().for_each(|row| bytes.extend(f32_bytes(row)));
    Ok(bytes)
}

fn from_multi_bytes(bytes: &[u8]) -> Result<Vec<Vec<f32>>, ValueError> {
    let [a, b, rest @ ..] = bytes else { return Ok(Vec::new()) };
    let width = usize::from(u16::from_le_bytes([*a, *b]));
    let values = from_f32_bytes(rest)?;
    if width == 0 || values.len() % width != 0 {
        return Err(ValueError {
            expected: format!("rows of {width} values"),
            found: format!("{} values", values.len()),
        });
    }
    Ok(values.chunks(width).map(<[f32]>::to_vec).collect())
}

/// The kind of a vector that is one embedding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SingleVector;

/// The kind of a multi-vector: several embeddings of one length per object
/// (late-interaction models such as ColBERT).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MultiVector;

/// Vector field types that can hold the default vector: one embedding.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold the default vector",
    label = "the default vector is one embedding: `Vec<f32>` or `Option<Vec<f32>>`",
    note = "a multi-vector must be named: #[weaviate(vector = \"name\")]"
)]
pub trait DefaultVectorType: VectorType {
    /// The vector to write, if any.
    #[doc(hidden)]
    fn default_vector(&self) -> Option<Vector> {
        self.to_vector()
    }

    /// The Rust value from the vector the server returned (if any).
    #[doc(hidden)]
    fn from_default_vector(vector: Option<Vector>) -> Result<Self, ValueError> {
        Self::from_vector(vector)
    }
}

impl DefaultVectorType for Vec<f32> {}
impl DefaultVectorType for Option<Vec<f32>> {}

/// A Rust type that holds an object's vector: `Vec<f32>`, `Vec<Vec<f32>>`
/// (a multi-vector), or an `Option` of either (absent when the server
/// vectorizes, or when the query did not ask for vectors).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold a vector",
    label = "a vector field must be `Vec<f32>`, `Vec<Vec<f32>>` or an `Option` of one",
    note = "mark only vector fields with #[weaviate(vector)]"
)]
pub trait VectorType: Sized {
    /// Whether this is a multi-vector.
    const MULTI: bool;
    /// [`SingleVector`] or [`MultiVector`], for the typed vector handles.
    type Kind;
    /// The vector to write, if any.
    fn to_vector(&self) -> Option<Vector>;
    /// The Rust value from the vector the server returned (if any).
    fn from_vector(vector: Option<Vector>) -> Result<Self, ValueError>;
}

impl VectorType for Vec<f32> {
    const MULTI: bool = false;
    type Kind = SingleVector;

    fn to_vector(&self) -> Option<Vector> {
        Some(Vector::Single(self.clone()))
    }

    fn from_vector(vector: Option<Vector>) -> Result<Self, ValueError> {
        match vector {
            Some(Vector::Single(values)) => Ok(values),
            Some(Vector::Multi(_)) => Err(mismatch("a vector", "a multi-vector")),
            None => Err(mismatch("a vector", "none (make the field an Option to allow that)")),
        }
    }
}

impl VectorType for Vec<Vec<f32>> {
    const MULTI: bool = true;
    type Kind = MultiVector;

    fn to_vector(&self) -> Option<Vector> {
        Some(Vector::Multi(self.clone()))
    }

    fn from_vector(vector: Option<Vector>) -> Result<Self, ValueError> {
        match vector {
            Some(Vector::Multi(rows)) => Ok(rows),
            Some(Vector::Single(_)) => Err(mismatch("a multi-vector", "a single vector")),
            None => Err(mismatch("a multi-vector", "none (make the field an Option to allow that)")),
        }
    }
}

impl<V: VectorType> VectorType for Option<V> {
    const MULTI: bool = V::MULTI;
    type Kind = V::Kind;

    fn to_vector(&self) -> Option<Vector> {
        self.as_ref().and_then(V::to_vector)
    }

    fn from_vector(vector: Option<Vector>) -> Result<Self, ValueError> {
        vector.map(|v| V::from_vector(Some(v))).transpose()
    }
}

fn mismatch(expected: &str, found: &str) -> ValueError {
    ValueError { expected: expected.to_owned(), found: found.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_round_trip_through_their_wire_form() {
        for vector in [Vector::Single(vec![0.5, -1.0, f32::MAX]), Vector::Multi(vec![vec![1.0, 2.0], vec![3.0, 4.0]])] {
            let wire = vector.to_proto("v").expect("encodable");
            assert_eq!(Vector::from_proto(&wire), Ok(vector));
        }
    }

    #[test]
    fn ragged_multi_vectors_are_refused() {
        assert!(Vector::Multi(vec![vec![1.0], vec![1.0, 2.0]]).to_proto("v").is_err());
        assert!(from_f32_bytes(&[0, 0, 0]).is_err());
    }

    #[test]
    fn options_allow_absent_vectors() {
        assert_eq!(Option::<Vec<f32>>::from_vector(None), Ok(None));
        assert!(Vec::<f32>::from_vector(None).is_err());
        assert!(Vec::<Vec<f32>>::from_vector(Some(Vector::Single(vec![1.0]))).is_err());
    }
}
