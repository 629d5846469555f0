//! Checks on URLs written in booth files.

/// Longest URL the kiosk accepts (it must fit a QR code a phone reads at arm's length).
pub const MAX_URL_LEN: usize = 300;

/// Accepts only `https://host/...` without spaces or control characters.
pub fn check_https(url: &str) -> Result<(), String> {
    if url.starts_with("http://") {
        return Err(format!("\"{url}\" uses http; only https URLs are allowed"));
    }
    let Some(rest) = url.strip_prefix("https://") else {
        return Err(format!("\"{url}\" is not an https URL"));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || !host.contains('.') {
        return Err(format!("\"{url}\" has no host name"));
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("\"{url}\" contains spaces or control characters"));
    }
    if url.len() > MAX_URL_LEN {
        return Err(format!("URL is {} bytes long; the limit is {MAX_URL_LEN}", url.len()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_with_a_host() {
        assert!(check_https("https://www.city.chiyoda.lg.jp/").is_ok());
        assert_eq!(
            check_https("http://all62.jp/").unwrap_err(),
            "\"http://all62.jp/\" uses http; only https URLs are allowed"
        );
        assert!(check_https("ftp://x.jp/").unwrap_err().contains("not an https URL"));
        assert!(check_https("https:///path").unwrap_err().contains("no host"));
        assert!(check_https("https://a.jp/x y").unwrap_err().contains("spaces"));
        let long = format!("https://a.jp/{}", "x".repeat(400));
        assert!(check_https(&long).unwrap_err().contains("limit is 300"));
    }
}
