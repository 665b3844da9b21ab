//! Version names: the collection behind alias `Article` is `Article_v1`,
//! then `Article_v2`...

/// The version after `current` of the model `alias`: `<alias>_v<N+1>` when
/// `current` is `<alias>_v<N>`, else `<alias>_v2` (the current one counting as the first).
pub(crate) fn next_version(alias: &str, current: &str) -> String {
    let number = current
        .strip_prefix(alias)
        .and_then(|rest| rest.strip_prefix("_v"))
        .and_then(|n| n.parse::<u32>().ok())
        .unwrap_or(1);
    format!("{alias}_v{}", number + 1)
}

/// The first version of the model `alias`.
pub(crate) fn first_version(alias: &str) -> String {
    format!("{alias}_v1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_count_up() {
        assert_eq!(first_version("Article"), "Article_v1");
        assert_eq!(next_version("Article", "Article_v1"), "Article_v2");
        assert_eq!(next_version("Article", "Article_v9"), "Article_v10");
        assert_eq!(next_version("Article", "Article"), "Article_v2");
        assert_eq!(next_version("Article", "Legacy"), "Article_v2");
    }
}
