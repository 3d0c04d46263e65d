//! GUIDs: every Flinks id and credential is one (`8-4-4-4-12` hex digits).

/// Whether `text` is a GUID: 36 characters, hex digits in groups 8-4-4-4-12.
/// Either case is accepted (Flinks issues lowercase).
///
/// ```
/// use flinks_config_core::is_guid;
/// assert!(is_guid("43387ca6-0391-4c82-857d-70d95f087ecb"));
/// assert!(!is_guid("43387ca603914c82857d70d95f087ecb"));
/// ```
pub fn is_guid(text: &str) -> bool {
    first_guid_error(text).is_none()
}

/// The byte offset of the first character that breaks the GUID shape, or
/// `None` when `text` is a GUID. A too-short text points one past its end.
///
/// ```
/// use flinks_config_core::first_guid_error;
/// assert_eq!(first_guid_error("43387ca6-0391-4c82-857d-70d95f087ecZ"), Some(35));
/// assert_eq!(first_guid_error("43387ca6"), Some(8));
/// ```
pub fn first_guid_error(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    // The common answer first: four dashes in place and hex digits between
    // (every credential of every profile loaded comes here).
    if bytes.len() == 36
        && [8, 13, 18, 23].iter().all(|&i| bytes[i] == b'-')
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| b.is_ascii_hexdigit() || matches!(i, 8 | 13 | 18 | 23))
    {
        return None;
    }
    for (i, &b) in bytes.iter().enumerate() {
        if i >= 36 {
            return Some(i);
        }
        let ok = if matches!(i, 8 | 13 | 18 | 23) {
            b == b'-'
        } else {
            b.is_ascii_hexdigit()
        };
        if !ok {
            return Some(i);
        }
    }
    (bytes.len() < 36).then_some(bytes.len())
}

/// Whether the GUID is all zeros (a placeholder, never issued).
///
/// ```
/// assert!(flinks_config_core::guid::is_nil("00000000-0000-0000-0000-000000000000"));
/// ```
pub fn is_nil(text: &str) -> bool {
    is_guid(text) && text.bytes().all(|b| b == b'0' || b == b'-')
}
