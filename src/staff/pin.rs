//! PINs are 4–8 digits and are stored as `pbkdf2-sha256$<rounds>$<salt hex>$<hash hex>`.

use pbkdf2::pbkdf2_hmac;
use sha2::Sha256;

/// Iterations for new hashes: slow enough to make guessing a stolen hash expensive, fast enough
/// (≈ 0.1 s in a release build) for a staff member at the booth.
pub const DEFAULT_ROUNDS: u32 = 200_000;
const PREFIX: &str = "pbkdf2-sha256";

/// Why a PIN or a stored `pin_hash` (booth.toml `[staff]`) is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PinError {
    /// The PIN is not 4 to 8 ASCII digits.
    #[error("a PIN is 4 to 8 digits")]
    BadPin,
    /// The stored hash is not `pbkdf2-sha256$<rounds>$<salt hex>$<hash hex>` with a salt of at least
    /// 8 bytes and a 32-byte hash.
    #[error("pin_hash must look like pbkdf2-sha256$<rounds>$<salt hex>$<hash hex> (set it with midori-kiosk set-pin)")]
    BadHash,
    /// The stored hash uses fewer than 10 000 PBKDF2 rounds (the number it uses).
    #[error("pin_hash uses {0} rounds; at least 10000 are needed")]
    TooFewRounds(u32),
}

/// Checks the shape of a PIN.
pub fn validate_pin(pin: &str) -> Result<(), PinError> {
    if (4..=8).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit()) { Ok(()) } else { Err(PinError::BadPin) }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok()).collect()
}

/// The stored form of `pin` with a given salt and number of rounds.
pub fn hash_pin(pin: &str, rounds: u32, salt: &[u8]) -> String {
    let mut out = [0u8; 32];
    pbkdf2_hmac::<Sha256>(pin.as_bytes(), salt, rounds, &mut out);
    format!("{PREFIX}${rounds}${}${}", hex(salt), hex(&out))
}

/// A new stored form of `pin` with a random salt.
pub fn new_hash(pin: &str) -> Result<String, PinError> {
    validate_pin(pin)?;
    let salt = uuid::Uuid::new_v4().into_bytes();
    Ok(hash_pin(pin, DEFAULT_ROUNDS, &salt))
}

/// Splits a stored hash into (rounds, salt, hash).
pub fn parse(stored: &str) -> Result<(u32, Vec<u8>, Vec<u8>), PinError> {
    let mut parts = stored.split('$');
    let (Some(PREFIX), Some(rounds), Some(salt), Some(hash), None) =
        (parts.next(), parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(PinError::BadHash);
    };
    let rounds: u32 = rounds.parse().map_err(|_| PinError::BadHash)?;
    let (Some(salt), Some(hash)) = (unhex(salt), unhex(hash)) else { return Err(PinError::BadHash) };
    if salt.len() < 8 || hash.len() != 32 {
        return Err(PinError::BadHash);
    }
    if rounds < 10_000 {
        return Err(PinError::TooFewRounds(rounds));
    }
    Ok((rounds, salt, hash))
}

/// True when `pin` matches the stored hash. Compares in constant time.
pub fn verify(pin: &str, stored: &str) -> Result<bool, PinError> {
    let (rounds, salt, expected) = parse(stored)?;
    if validate_pin(pin).is_err() {
        return Ok(false);
    }
    let mut out = [0u8; 32];
    pbkdf2_hmac::<Sha256>(pin.as_bytes(), &salt, rounds, &mut out);
    Ok(out.iter().zip(&expected).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_vector() {
        // PBKDF2-HMAC-SHA256("password", "salt", 1 round), RFC 7914 §11 (first 32 bytes).
        let mut out = [0u8; 32];
        pbkdf2_hmac::<Sha256>(b"password", b"salt", 1, &mut out);
        assert_eq!(hex(&out), "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
    }

    #[test]
    fn right_pin_wrong_pin_bad_hash() {
        let stored = hash_pin("2468", 10_000, b"0123456789abcdef");
        assert!(stored.starts_with("pbkdf2-sha256$10000$30313233"));
        assert!(!stored.contains("2468"), "the PIN itself is never stored");
        assert_eq!(verify("2468", &stored), Ok(true));
        assert_eq!(verify("2469", &stored), Ok(false));
        assert_eq!(verify("24", &stored), Ok(false));
        assert_eq!(verify("2468", "plain-text-pin"), Err(PinError::BadHash));
        assert_eq!(verify("2468", &hash_pin("2468", 10, b"0123456789abcdef")), Err(PinError::TooFewRounds(10)));
    }

    #[test]
    fn new_hashes_are_salted_and_pins_are_digits() {
        assert_eq!(new_hash("12a4"), Err(PinError::BadPin));
        assert_eq!(new_hash("123"), Err(PinError::BadPin));
        assert_eq!(new_hash("123456789"), Err(PinError::BadPin));
        let a = hash_pin("1234", 10_000, &uuid::Uuid::new_v4().into_bytes());
        let b = hash_pin("1234", 10_000, &uuid::Uuid::new_v4().into_bytes());
        assert_ne!(a, b, "two hashes of one PIN differ by their salt");
    }
}
