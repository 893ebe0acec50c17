//! The schema.org record of a location, for the JSON-LD of its page: an organisation with
//! the areas it serves, its phone and its coordinators (with the days they can be reached).

use serde::Serialize;

use super::view::View;

#[derive(Serialize)]
struct Ngo<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "@id")]
    id: Option<String>,
    name: &'a str,
    url: &'a Option<String>,
    telephone: &'a str,
    email: &'a str,
    #[serde(rename = "parentOrganization")]
    parent: Named<'a>,
    address: Address<'a>,
    #[serde(rename = "areaServed")]
    area_served: Vec<Area<'a>>,
    /// The coordinators, each with the location's days: an organisation has no opening
    /// hours in schema.org, a contact point does.
    #[serde(rename = "contactPoint")]
    contact_point: Vec<ContactPoint<'a>>,
}

#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
struct Address<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "streetAddress")]
    street: &'a str,
    #[serde(rename = "postalCode")]
    postcode: &'a str,
    #[serde(rename = "addressLocality")]
    city: &'a str,
    #[serde(rename = "addressCountry")]
    country: &'static str,
}

#[derive(Serialize)]
struct Area<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    identifier: &'a str,
}

#[derive(Serialize)]
struct ContactPoint<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    telephone: &'a str,
    email: &'a str,
    #[serde(rename = "contactType")]
    contact_type: &'static str,
    #[serde(rename = "hoursAvailable")]
    hours: Hours,
}

#[derive(Serialize, Clone)]
struct Hours {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "dayOfWeek")]
    days: Vec<String>,
}

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The record of location `i` in this view's language. Keys come out sorted (a JSON value's
/// map), as the pages have always had them.
pub fn location(view: &View, i: usize) -> serde_json::Value {
    let l = &view.locations[i];
    let hours = Hours {
        kind: "OpeningHoursSpecification",
        days: l
            .days
            .iter()
            .map(|d| format!("https://schema.org/{}", DAYS[d.number() - 1]))
            .collect(),
    };
    let record = Ngo {
        kind: "NGO",
        id: l.permalink.as_ref().map(|p| format!("{p}#location")),
        name: &l.name,
        url: &l.permalink,
        telephone: &l.phone.e164,
        email: &l.email,
        parent: Named {
            kind: "Organization",
            name: &l.organisation,
        },
        address: Address {
            kind: "PostalAddress",
            street: &l.street,
            postcode: &l.postcode,
            city: &l.city,
            country: "NL",
        },
        area_served: l
            .municipalities
            .iter()
            .map(|&m| Area {
                kind: "AdministrativeArea",
                name: &view.municipalities[m].display,
                identifier: &view.municipalities[m].code,
            })
            .collect(),
        contact_point: l
            .coordinators
            .iter()
            .map(|c| ContactPoint {
                kind: "ContactPoint",
                name: &c.name,
                telephone: &c.phone.e164,
                email: &c.email,
                contact_type: "coordinator",
                hours: hours.clone(),
            })
            .collect(),
    };
    crate::escape::sorted_json(&record)
}
