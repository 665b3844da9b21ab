//! Object time-to-live: the server deletes objects once they expire.
//!
//! Only servers started with a deletion schedule
//! (`OBJECTS_TTL_DELETE_SCHEDULE`) take a collection with a time-to-live.

use serde_json::{Map, Value, json};

use super::json::{boolean, string};

/// When a collection's objects expire.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ObjectTtlConfig {
    /// The moment an object's time-to-live counts from.
    pub expires_after: TtlStart,
    /// Seconds from that moment to the object's expiry; for a date
    /// property it may be 0 or negative (expire before the date).
    pub seconds: i64,
    /// Leave expired objects that are not deleted yet out of search results.
    pub filter_expired_objects: Option<bool>,
}

/// The moment an object's time-to-live counts from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TtlStart {
    /// Its creation (needs the timestamps index, which the server then turns on).
    Creation,
    /// Its last update (needs the timestamps index, which the server then turns on).
    LastUpdate,
    /// The value of this `date` property (which needs a filterable or range index).
    DateProperty(String),
}

const CREATION: &str = "_creationTimeUnix";
const LAST_UPDATE: &str = "_lastUpdateTimeUnix";

impl ObjectTtlConfig {
    /// Objects expire `seconds` after `start`.
    pub fn new(start: TtlStart, seconds: i64) -> Self {
        Self { expires_after: start, seconds, filter_expired_objects: None }
    }

    /// Whether the server turns on the timestamps index for this time-to-live.
    pub fn needs_timestamps(&self) -> bool {
        matches!(self.expires_after, TtlStart::Creation | TtlStart::LastUpdate)
    }

    /// The settings as `objectTtlConfig` JSON.
    pub fn to_json(&self) -> Value {
        let delete_on = match &self.expires_after {
            TtlStart::Creation => CREATION,
            TtlStart::LastUpdate => LAST_UPDATE,
            TtlStart::DateProperty(property) => property,
        };
        let mut out = Map::new();
        out.insert("enabled".into(), json!(true));
        out.insert("deleteOn".into(), json!(delete_on));
        out.insert("defaultTtl".into(), json!(self.seconds));
        if let Some(filter) = self.filter_expired_objects {
            out.insert("filterExpiredObjects".into(), json!(filter));
        }
        Value::Object(out)
    }

    /// Reads `objectTtlConfig` JSON: `None` when it is off or names no start.
    pub(super) fn from_json(json: &Value) -> Option<Self> {
        if boolean(Some(json), "enabled") != Some(true) {
            return None;
        }
        let expires_after = match string(json, "deleteOn")?.as_str() {
            CREATION => TtlStart::Creation,
            LAST_UPDATE => TtlStart::LastUpdate,
            property => TtlStart::DateProperty(property.to_owned()),
        };
        Some(Self {
            expires_after,
            seconds: json.get("defaultTtl").and_then(Value::as_i64).unwrap_or(0),
            filter_expired_objects: boolean(Some(json), "filterExpiredObjects"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_start_round_trips() {
        for start in [TtlStart::Creation, TtlStart::LastUpdate, TtlStart::DateProperty("expires".into())] {
            let mut ttl = ObjectTtlConfig::new(start, 3600);
            ttl.filter_expired_objects = Some(true);
            assert_eq!(ObjectTtlConfig::from_json(&ttl.to_json()), Some(ttl));
        }
        let json = ObjectTtlConfig::new(TtlStart::Creation, 60).to_json();
        assert_eq!(json, json!({"enabled": true, "deleteOn": "_creationTimeUnix", "defaultTtl": 60}));
        assert_eq!(ObjectTtlConfig::from_json(&json!({"enabled": false, "deleteOn": "x"})), None);
    }
}
