//! QR codes of the agenda's public addresses (the page, the calendar subscription), as inline
//! SVG: one `<path>` of dark modules on a light square, sized by CSS, hidden from screen
//! readers (the caption beside it gives the address as text). Made with the `qrcode` crate.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The SVG of a QR code of `text` (medium error correction), or an empty string when the
/// text is too long for a QR code (more than about 2,000 bytes).
pub(crate) fn svg(text: &str) -> String {
    let Ok(code) = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M) else {
        return String::new();
    };
    let image = code
        .render::<svg::Color>()
        .module_dimensions(1, 1)
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .build();
    // Inline in HTML: no XML declaration, no fixed size (the stylesheet sizes it).
    let body = image
        .split_once("?>")
        .map_or(image.as_str(), |(_, rest)| rest);
    let Some((_, rest)) = body.split_once(" viewBox=") else {
        return String::new();
    };
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\" aria-hidden=\"true\" focusable=\"false\" viewBox={rest}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_codes_are_inline_svg_of_paths_only() {
        let a = svg("https://example.org/agenda/");
        assert!(a.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\""));
        assert!(a.ends_with("</svg>"));
        assert!(!a.contains("<?xml") && !a.contains("<script"));
        // Deterministic, and different content gives a different code.
        assert_eq!(a, svg("https://example.org/agenda/"));
        assert_ne!(a, svg("webcal://example.org/agenda/e.ics"));
        assert_eq!(svg(&"x".repeat(5000)), "");
    }
}
