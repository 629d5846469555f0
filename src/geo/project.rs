//! A local planar projection: equirectangular around 139.6°E 35.7°N with x scaled by cos(35.7°), in
//! kilometres. Accurate to well under 1 % across the Tokyo mainland, which is all a kiosk map needs.

use super::Pt;

/// Longitude of the projection origin (x = 0), in degrees.
pub const ORIGIN_LON: f64 = 139.6;
/// Latitude of the projection origin (y = 0), in degrees; its cosine scales x.
pub const ORIGIN_LAT: f64 = 35.7;
const KM_PER_DEG_LAT: f64 = 110.95;

fn km_per_deg_lon() -> f64 {
    111.32 * ORIGIN_LAT.to_radians().cos()
}

/// (longitude, latitude) in degrees → (x east, y north) in km.
pub fn project(lon_lat: Pt) -> Pt {
    [(lon_lat[0] - ORIGIN_LON) * km_per_deg_lon(), (lon_lat[1] - ORIGIN_LAT) * KM_PER_DEG_LAT]
}

/// (x east, y north) in km → (longitude, latitude) in degrees; the inverse of [`project`].
pub fn unproject(p: Pt) -> Pt {
    [p[0] / km_per_deg_lon() + ORIGIN_LON, p[1] / KM_PER_DEG_LAT + ORIGIN_LAT]
}

/// Great-circle distance in km (for the insets' distance notes).
pub fn distance_km(a_lon_lat: Pt, b_lon_lat: Pt) -> f64 {
    let (la1, la2) = (a_lon_lat[1].to_radians(), b_lon_lat[1].to_radians());
    let dla = la2 - la1;
    let dlo = (b_lon_lat[0] - a_lon_lat[0]).to_radians();
    let h = (dla / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlo / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}
