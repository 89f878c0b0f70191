//! Canonical IANA names for deprecated time-zone links (`US/Eastern` → `America/New_York`,
//! `Asia/Calcutta` → `Asia/Kolkata`): what schemas, calendar clients and the frab apps need,
//! since they key on the canonical name (the C3VOC schema's pattern rejects `US/Eastern`).
//!
//! The table is the tz database's `backward` file (the version chrono-tz is built from): its
//! pre-1993 names, the two-part names renamed in 1995, and the alternate names of one place.
//! Its other links (`Europe/Amsterdam`, merged into another zone's data in 2022) are real
//! places' names, kept as written; links to `Etc/` zones (`UTC`, `GMT0`) are kept too.

use chrono_tz::Tz;

/// (deprecated link, canonical zone), sorted by link.
const LINKS: &[(&str, &str)] = &[
    ("Africa/Asmera", "Africa/Nairobi"),
    ("America/Buenos_Aires", "America/Argentina/Buenos_Aires"),
    ("America/Catamarca", "America/Argentina/Catamarca"),
    ("America/Cordoba", "America/Argentina/Cordoba"),
    ("America/Godthab", "America/Nuuk"),
    ("America/Indianapolis", "America/Indiana/Indianapolis"),
    ("America/Jujuy", "America/Argentina/Jujuy"),
    ("America/Knox_IN", "America/Indiana/Knox"),
    ("America/Louisville", "America/Kentucky/Louisville"),
    ("America/Mendoza", "America/Argentina/Mendoza"),
    ("America/Virgin", "America/Puerto_Rico"),
    ("Asia/Ashkhabad", "Asia/Ashgabat"),
    ("Asia/Calcutta", "Asia/Kolkata"),
    ("Asia/Chungking", "Asia/Shanghai"),
    ("Asia/Dacca", "Asia/Dhaka"),
    ("Asia/Istanbul", "Europe/Istanbul"),
    ("Asia/Katmandu", "Asia/Kathmandu"),
    ("Asia/Macao", "Asia/Macau"),
    ("Asia/Rangoon", "Asia/Yangon"),
    ("Asia/Saigon", "Asia/Ho_Chi_Minh"),
    ("Asia/Thimbu", "Asia/Thimphu"),
    ("Asia/Ujung_Pandang", "Asia/Makassar"),
    ("Asia/Ulan_Bator", "Asia/Ulaanbaatar"),
    ("Atlantic/Faeroe", "Atlantic/Faroe"),
    ("Australia/ACT", "Australia/Sydney"),
    ("Australia/LHI", "Australia/Lord_Howe"),
    ("Australia/NSW", "Australia/Sydney"),
    ("Australia/North", "Australia/Darwin"),
    ("Australia/Queensland", "Australia/Brisbane"),
    ("Australia/South", "Australia/Adelaide"),
    ("Australia/Tasmania", "Australia/Hobart"),
    ("Australia/Victoria", "Australia/Melbourne"),
    ("Australia/West", "Australia/Perth"),
    ("Australia/Yancowinna", "Australia/Broken_Hill"),
    ("Brazil/Acre", "America/Rio_Branco"),
    ("Brazil/DeNoronha", "America/Noronha"),
    ("Brazil/East", "America/Sao_Paulo"),
    ("Brazil/West", "America/Manaus"),
    ("CET", "Europe/Brussels"),
    ("CST6CDT", "America/Chicago"),
    ("Canada/Atlantic", "America/Halifax"),
    ("Canada/Central", "America/Winnipeg"),
    ("Canada/Eastern", "America/Toronto"),
    ("Canada/Mountain", "America/Edmonton"),
    ("Canada/Newfoundland", "America/St_Johns"),
    ("Canada/Pacific", "America/Vancouver"),
    ("Canada/Saskatchewan", "America/Regina"),
    ("Canada/Yukon", "America/Whitehorse"),
    ("Chile/Continental", "America/Santiago"),
    ("Chile/EasterIsland", "Pacific/Easter"),
    ("Cuba", "America/Havana"),
    ("EET", "Europe/Athens"),
    ("EST", "America/Panama"),
    ("EST5EDT", "America/New_York"),
    ("Egypt", "Africa/Cairo"),
    ("Eire", "Europe/Dublin"),
    ("Europe/Kiev", "Europe/Kyiv"),
    ("Europe/Nicosia", "Asia/Nicosia"),
    ("GB", "Europe/London"),
    ("GB-Eire", "Europe/London"),
    ("HST", "Pacific/Honolulu"),
    ("Hongkong", "Asia/Hong_Kong"),
    ("Iceland", "Africa/Abidjan"),
    ("Iran", "Asia/Tehran"),
    ("Israel", "Asia/Jerusalem"),
    ("Jamaica", "America/Jamaica"),
    ("Japan", "Asia/Tokyo"),
    ("Kwajalein", "Pacific/Kwajalein"),
    ("Libya", "Africa/Tripoli"),
    ("MET", "Europe/Brussels"),
    ("MST", "America/Phoenix"),
    ("MST7MDT", "America/Denver"),
    ("Mexico/BajaNorte", "America/Tijuana"),
    ("Mexico/BajaSur", "America/Mazatlan"),
    ("Mexico/General", "America/Mexico_City"),
    ("NZ", "Pacific/Auckland"),
    ("NZ-CHAT", "Pacific/Chatham"),
    ("Navajo", "America/Denver"),
    ("PRC", "Asia/Shanghai"),
    ("PST8PDT", "America/Los_Angeles"),
    ("Pacific/Ponape", "Pacific/Guadalcanal"),
    ("Pacific/Samoa", "Pacific/Pago_Pago"),
    ("Pacific/Truk", "Pacific/Port_Moresby"),
    ("Poland", "Europe/Warsaw"),
    ("Portugal", "Europe/Lisbon"),
    ("ROC", "Asia/Taipei"),
    ("ROK", "Asia/Seoul"),
    ("Singapore", "Asia/Singapore"),
    ("Turkey", "Europe/Istanbul"),
    ("US/Alaska", "America/Anchorage"),
    ("US/Aleutian", "America/Adak"),
    ("US/Arizona", "America/Phoenix"),
    ("US/Central", "America/Chicago"),
    ("US/East-Indiana", "America/Indiana/Indianapolis"),
    ("US/Eastern", "America/New_York"),
    ("US/Hawaii", "Pacific/Honolulu"),
    ("US/Indiana-Starke", "America/Indiana/Knox"),
    ("US/Michigan", "America/Detroit"),
    ("US/Mountain", "America/Denver"),
    ("US/Pacific", "America/Los_Angeles"),
    ("US/Samoa", "Pacific/Pago_Pago"),
    ("W-SU", "Europe/Moscow"),
];

/// The canonical zone for `tz`: itself, or the zone a deprecated link stands for. The data is
/// the same either way; only the name differs.
pub fn canonical(tz: Tz) -> Tz {
    LINKS
        .binary_search_by(|(link, _)| (*link).cmp(tz.name()))
        .ok()
        .and_then(|i| LINKS[i].1.parse().ok())
        .unwrap_or(tz)
}

/// Whether `tz` is a deprecated link name.
pub fn is_deprecated(tz: Tz) -> bool {
    canonical(tz) != tz
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deprecated_links_have_canonical_names() {
        let name = |n: &str| canonical(n.parse::<Tz>().unwrap()).name();
        assert_eq!(name("US/Eastern"), "America/New_York");
        assert_eq!(name("Asia/Calcutta"), "Asia/Kolkata");
        assert_eq!(name("Europe/Kiev"), "Europe/Kyiv");
        assert_eq!(name("US/Pacific"), "America/Los_Angeles");
        // Real places' names and UTC stay as written.
        assert_eq!(name("Europe/Amsterdam"), "Europe/Amsterdam");
        assert_eq!(name("Europe/Paris"), "Europe/Paris");
        assert_eq!(name("UTC"), "UTC");
        assert!(!is_deprecated(chrono_tz::Europe::Berlin));
    }

    #[test]
    fn every_entry_is_sorted_and_known_to_chrono_tz() {
        assert!(LINKS.windows(2).all(|w| w[0].0 < w[1].0));
        for (link, target) in LINKS {
            let (a, b): (Tz, Tz) = (link.parse().unwrap(), target.parse().unwrap());
            assert_ne!(a, b, "{link}");
            assert!(!is_deprecated(b), "{target} is itself canonical");
        }
    }
}
