//! Free space where the log is written (the staff panel warns before the disk is full).

/// Free space, in MB, of the filesystem holding `path`.
pub fn free_space_mb(path: &std::path::Path) -> Option<u64> {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).ok()?;
    let mut s: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `c` is a valid C string and `s` a valid out-pointer for the duration of the call.
    let rc = unsafe { libc::statvfs(c.as_ptr(), &mut s) };
    (rc == 0).then(|| (s.f_bavail as u64).saturating_mul(s.f_frsize as u64) / 1_000_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_space_is_known_for_a_folder_and_not_for_a_missing_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(free_space_mb(dir.path()).is_some());
        assert_eq!(free_space_mb(&dir.path().join("missing")), None);
        assert_eq!(free_space_mb(std::path::Path::new("nul\0byte")), None);
    }
}
