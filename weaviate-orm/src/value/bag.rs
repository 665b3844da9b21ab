//! Taking typed values out of a [`PropertyBag`] while decoding an object.

use super::{PropertyBag, PropertyError, PropertyType, PropertyValue, ValueError};
use crate::vector::{Vector, VectorType};

impl PropertyBag {
    /// A bag of properties.
    pub fn new(properties: Vec<(String, PropertyValue)>) -> Self {
        Self { properties, vectors: Vec::new() }
    }

    /// Adds the vectors returned with the object (`""` for the default vector).
    pub fn with_vectors(mut self, vectors: Vec<(String, Vector)>) -> Self {
        self.vectors = vectors;
        self
    }

    /// Takes the property `name` and converts it; an absent property is null.
    pub fn take<T: PropertyType>(&mut self, name: &'static str) -> Result<T, PropertyError> {
        self.take_with(name, T::from_value)
    }

    /// Takes the property `name` and converts it with `convert`.
    pub fn take_with<T>(
        &mut self,
        name: &'static str,
        convert: impl FnOnce(PropertyValue) -> Result<T, ValueError>,
    ) -> Result<T, PropertyError> {
        let value = match self.properties.iter().position(|(k, _)| k == name) {
            Some(index) => self.properties.swap_remove(index).1,
            None => PropertyValue::Null,
        };
        convert(value).map_err(|source| PropertyError { property: name.to_owned(), source })
    }

    /// Takes the vector `name` (`""` for the default vector) and converts it.
    pub fn take_vector<V: VectorType>(&mut self, name: &'static str) -> Result<V, PropertyError> {
        self.take_vector_with(name, V::from_vector)
    }

    /// Takes the vector `name` (`""` for the default vector) and converts it with `convert`.
    pub fn take_vector_with<V>(
        &mut self,
        name: &'static str,
        convert: impl FnOnce(Option<Vector>) -> Result<V, ValueError>,
    ) -> Result<V, PropertyError> {
        let vector = self.vectors.iter().position(|(k, _)| k == name).map(|index| self.vectors.swap_remove(index).1);
        let property = if name.is_empty() { "vector".to_owned() } else { format!("vector `{name}`") };
        convert(vector).map_err(|source| PropertyError { property, source })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bags_hand_out_typed_values_and_null_for_absent_ones() {
        let mut bag = PropertyBag::new(vec![("title".into(), PropertyValue::Text("A".into()))]);
        assert_eq!(bag.take::<String>("title"), Ok("A".to_owned()));
        assert_eq!(bag.take::<Option<String>>("subtitle"), Ok(None));
        let error = bag.take::<i64>("count").unwrap_err();
        assert_eq!(error.to_string(), "property `count`: expected int, found null");
    }
}
