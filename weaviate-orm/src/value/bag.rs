//! Taking typed values out of a [`PropertyBag`] while decoding an object.

use super::{Beacon, PropertyBag, PropertyError, PropertyType, PropertyValue, ResolvedObject, ValueError, read};
use crate::vector::{Vector, VectorType};

impl PropertyBag {
    /// A bag of properties.
    pub fn new(properties: Vec<(String, PropertyValue)>) -> Self {
        Self { properties, slots: Vec::new(), vectors: Vec::new() }
    }

    /// The properties of an encoded `Properties` message: those in `names`
    /// at their positions there (for [`take_at`](Self::take_at)), any
    /// other under its name.
    pub(crate) fn from_wire(names: &'static [&'static str], encoded: &[u8]) -> Result<Self, ValueError> {
        let slots = names.iter().map(|name| (*name, PropertyValue::Null)).collect();
        let mut bag = Self { slots, ..Self::default() };
        read::for_each_entry(encoded, |key, value| {
            let value = read::value(value)?;
            match bag.slots.iter_mut().find(|(name, _)| name.as_bytes() == key) {
                Some((_, slot)) => *slot = value,
                None => {
                    let key = std::str::from_utf8(key).map_err(|e| ValueError {
                        expected: "a property name in UTF-8".into(),
                        found: e.to_string(),
                    })?;
                    bag.properties.push((key.to_owned(), value));
                }
            }
            Ok(())
        })?;
        Ok(bag)
    }

    /// Adds the targets of the reference property `name`; a multi-target
    /// reference comes back once per target collection, and each adds to
    /// what came before.
    pub(crate) fn add_reference(&mut self, name: String, mut beacons: Vec<Beacon>, mut resolved: Vec<ResolvedObject>) {
        let earlier = match self.slots.iter_mut().find(|(n, _)| *n == name) {
            Some((_, slot)) => Some(slot),
            None => self.properties.iter_mut().find(|(n, _)| *n == name).map(|(_, value)| value),
        };
        match earlier {
            Some(PropertyValue::Reference { beacons: earlier, resolved: earlier_resolved, .. }) => {
                earlier.append(&mut beacons);
                earlier_resolved.append(&mut resolved);
            }
            Some(slot) => *slot = PropertyValue::Reference { beacons, multi_target: false, resolved },
            None => self.properties.push((name, PropertyValue::Reference { beacons, multi_target: false, resolved })),
        }
    }

    /// Every property it holds, by name.
    pub(crate) fn into_properties(self) -> Vec<(String, PropertyValue)> {
        let slots = self.slots.into_iter().filter(|(_, v)| *v != PropertyValue::Null);
        slots.map(|(name, value)| (name.to_owned(), value)).chain(self.properties).collect()
    }

    /// Takes the property `name`, the `index`-th of the names the bag was
    /// made for (the derive's generated code reads each field this way),
    /// and converts it with `convert`; a bag made otherwise looks it up by name.
    pub fn take_at<T>(
        &mut self,
        index: usize,
        name: &'static str,
        convert: impl FnOnce(PropertyValue) -> Result<T, ValueError>,
    ) -> Result<T, PropertyError> {
        let value = match self.slots.get_mut(index) {
            Some((at, slot)) if *at == name => std::mem::replace(slot, PropertyValue::Null),
            _ => self.remove(name),
        };
        convert(value).map_err(|source| PropertyError { property: name.to_owned(), source })
    }

    /// Takes out the property `name`, null when absent.
    fn remove(&mut self, name: &str) -> PropertyValue {
        if let Some((_, slot)) = self.slots.iter_mut().find(|(n, _)| *n == name) {
            return std::mem::replace(slot, PropertyValue::Null);
        }
        match self.properties.iter().position(|(k, _)| k == name) {
            Some(index) => self.properties.swap_remove(index).1,
            None => PropertyValue::Null,
        }
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
        let value = self.remove(name);
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

    #[test]
    fn bags_from_the_wire_hold_the_asked_names_at_their_positions_and_the_rest_by_name() {
        use prost::Message;
        use weaviate_orm_proto::v1 as pb;
        let value = |kind| pb::Value { kind: Some(kind) };
        let encoded = pb::Properties {
            fields: [
                ("title".to_owned(), value(pb::value::Kind::TextValue("A".into()))),
                ("count".to_owned(), value(pb::value::Kind::IntValue(3))),
                ("extra".to_owned(), value(pb::value::Kind::BoolValue(true))),
            ]
            .into(),
        }
        .encode_to_vec();
        let mut bag = PropertyBag::from_wire(&["count", "title", "links"], &encoded).expect("well-formed");
        bag.add_reference("links".into(), vec![Beacon { collection: "A".into(), id: uuid::Uuid::nil() }], vec![]);
        bag.add_reference("links".into(), vec![Beacon { collection: "B".into(), id: uuid::Uuid::nil() }], vec![]);
        assert_eq!(bag.take_at(1, "title", String::from_value), Ok("A".to_owned()));
        // A position that holds another name: looked up by name instead.
        assert_eq!(bag.take_at(1, "count", i64::from_value), Ok(3));
        assert_eq!(bag.take_at(0, "extra", bool::from_value), Ok(true));
        assert_eq!(bag.take_at(9, "title", Option::<String>::from_value), Ok(None), "taken once");
        let Ok(PropertyValue::Reference { beacons, .. }) = bag.take_at(2, "links", Ok) else { panic!("a reference") };
        assert_eq!(beacons.len(), 2, "both targets' answers");
        let error = PropertyBag::from_wire(&["a"], &[0x0a, 0x03, 0x0a, 0x01]).expect_err("truncated");
        assert_eq!(error.expected, "a well-formed protobuf value");
    }
}
