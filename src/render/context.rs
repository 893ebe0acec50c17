//! Renders every page through its template, in parallel. Data shared by many pages (strings,
//! menus, listing cards) is converted to Tera values once; Tera values are reference-counted,
//! so each page's context costs only its own fields.

use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use tera::{Context, Kwargs, State, TeraResult, Value};

use super::values::{
    Alternate, Card, LangValue, MenuItem, Original, PageValue, Pager, SiteValue, Switch,
    TitledLink, jsonld,
};
use crate::config::{Config, DEFAULT_LANG};
use crate::content::Generated;
use crate::coverage::{self, Coverage, Values};
use crate::diag::Diagnostic;
use crate::escape::{json_for_script, sorted_json};
use crate::i18n::Strings;
use crate::leaflets::Plan;
use crate::model::{Page, Site};
use crate::output::write_error;
use crate::render::Templates;
use crate::render::fragments::{CONTENT, fill};

pub use crate::output::Sink;

/// Per-language values shared by every page of that language.
struct LangData {
    lang: Value,
    t: Value,
    menu: Value,
    footer_menu: Value,
    /// Only for languages with registry pages.
    registry: Option<Arc<Values>>,
}

pub struct Renderer<'a> {
    config: &'a Config,
    strings: &'a [Strings],
    site: &'a Site,
    templates: &'a Templates,
    langs: Vec<LangData>,
    /// Listing card per page, by page index.
    cards: Vec<Value>,
    /// The organisation's schema.org record per language (its description is the home page's).
    organisations: Vec<serde_json::Value>,
    leaflets: &'a Plan,
    coverage: &'a Coverage,
}

impl<'a> Renderer<'a> {
    pub fn new(
        config: &'a Config,
        strings: &'a [Strings],
        site: &'a Site,
        templates: &'a mut Templates,
        coverage: &'a Coverage,
        leaflets: &'a Plan,
    ) -> Self {
        let cards: Vec<Value> = site
            .pages
            .par_iter()
            .map(|p| Value::from_serializable(&Card::new(config, &strings[p.lang()], p)))
            .collect();
        register_section_pages(templates, config, site, &cards);
        templates.tera.global_context().insert(
            "site",
            &SiteValue {
                title: &config.site.title,
                base_path: &config.base_path,
                base_url: config.permalink(""),
                organisation: &config.site.organisation,
            },
        );
        let templates: &'a Templates = templates;
        let langs = config
            .site
            .languages
            .par_iter()
            .enumerate()
            .map(|(i, l)| {
                let menu = |keys: &[String]| {
                    let items: Vec<MenuItem> = keys
                        .iter()
                        .filter_map(|k| site.translation(k, i))
                        .map(|p| MenuItem {
                            key: &p.key,
                            title: p
                                .src
                                .front
                                .menu_title
                                .as_ref()
                                .unwrap_or(&p.src.front.title),
                            url: config.url(&p.url),
                        })
                        .collect();
                    Value::from_serializable(&items)
                };
                LangData {
                    lang: Value::from_serializable(&LangValue::new(config, site, i, l)),
                    t: Value::from_serializable(&strings[i].map),
                    menu: menu(&config.site.menu),
                    footer_menu: menu(&config.site.footer_menu),
                    registry: coverage.values.get(i).cloned().flatten(),
                }
            })
            .collect();
        Renderer {
            config,
            strings,
            site,
            templates,
            langs,
            cards,
            organisations: (0..config.site.languages.len())
                .map(|lang| organisation(config, site, lang))
                .collect(),
            leaflets,
            coverage,
        }
    }

    /// Renders every page (and every listing page of every section) into `sink`.
    pub fn render_all(&self, sink: &dyn Sink) -> Vec<Diagnostic> {
        let all: Vec<usize> = (0..self.site.pages.len()).collect();
        self.render_pages(&all, sink)
    }

    /// Renders the pages with these indexes (each with all its listing pages).
    pub fn render_pages(&self, pages: &[usize], sink: &dyn Sink) -> Vec<Diagnostic> {
        let jobs: Vec<(usize, usize)> = pages
            .iter()
            .flat_map(|&i| (1..=self.site.pages[i].pager_count).map(move |n| (i, n)))
            .collect();
        jobs.par_iter()
            .with_min_len(8)
            .filter_map(|&(i, n)| self.render_page(i, n, sink).err())
            .collect()
    }

    fn render_page(&self, index: usize, pager: usize, sink: &dyn Sink) -> Result<(), Diagnostic> {
        let page = &self.site.pages[index];
        let mut ctx = self.context(page, pager);
        if let Some(pdf) = self.leaflets.page_links.get(&index) {
            ctx.insert("leaflet_pdf", pdf);
        }
        let shell = self
            .templates
            .tera
            .render(&page.template, &ctx)
            // Templates named by pages are checked to exist before rendering (pipeline::load).
            .map_err(|e| self.templates.error(&e))?;
        let path = format!(
            "{}index.html",
            page.pager_url(pager, &self.strings[page.lang()])
        );
        // The whole page as written: what the link check reads and the fingerprint is made of.
        let fragments = self.langs[page.lang()]
            .registry
            .as_ref()
            .map(|r| &r.fragments);
        let html = fill(shell.as_bytes(), page.src.html.as_bytes(), fragments);
        // Minifying is most of a page's cost: skipped when the output already holds this page
        // minified by the same tool.
        if sink.reuse(&path, &html) {
            return Ok(());
        }
        // Only the template's part is minified; the text from Markdown is already compact
        // (the Markdown renderer writes no needless space) and the maps are drawn minified:
        // both go in afterwards (see `fragments`).
        let min = super::minify::html(&shell);
        let min = fill(&min, page.src.html.as_bytes(), fragments);
        sink.write(&path, &min, Some(&html))
            .map_err(|e| write_error(&path, &e))
    }

    /// The not-found page: one file for all addresses, so it speaks every language.
    pub fn render_404(&self) -> Result<Vec<u8>, Diagnostic> {
        let mut ctx = self.language_context(DEFAULT_LANG);
        let languages: Vec<Value> = self
            .langs
            .iter()
            .map(|l| {
                let mut m = tera::Map::new();
                m.insert("lang".into(), l.lang.clone());
                m.insert("t".into(), l.t.clone());
                Value::from(m)
            })
            .collect();
        ctx.insert_value("languages", Value::from(languages));
        ctx.insert(
            "page",
            &PageValue {
                title: self.strings[DEFAULT_LANG].get("not_found_title"),
                description: String::new(),
                content: "",
                url: self.config.url("404.html"),
                permalink: self.config.permalink("404.html"),
                key: "404",
                is_home: false,
                is_section: false,
                date: None,
                date_display: None,
                author: None,
                pager: 1,
            },
        );
        ctx.insert("switcher", &Vec::<Switch>::new());
        ctx.insert("alternates", &Vec::<Alternate>::new());
        ctx.insert("jsonld", "");
        let html = self
            .templates
            .tera
            .render("404.html", &ctx)
            .map_err(|e| self.templates.error(&e))?;
        Ok(super::minify::html(&html))
    }

    /// A context holding what every page of one language shares (cheap: reference-counted).
    fn language_context(&self, lang: usize) -> Context {
        let data = &self.langs[lang];
        let mut ctx = Context::new();
        ctx.insert_value("lang", data.lang.clone());
        ctx.insert_value("t", data.t.clone());
        ctx.insert_value("menu", data.menu.clone());
        ctx.insert_value("footer_menu", data.footer_menu.clone());
        if let Some(r) = &data.registry {
            ctx.insert_value("registry", r.summary.clone());
        }
        ctx
    }

    fn context(&self, page: &Page, pager: usize) -> Context {
        let lang = page.lang();
        let strings = &self.strings[lang];
        let url = page.pager_url(pager, strings);
        let mut ctx = self.language_context(lang);
        ctx.insert(
            "page",
            &PageValue {
                title: &page.src.front.title,
                description: page.src.description(),
                content: CONTENT,
                url: self.config.url(&url),
                permalink: self.config.permalink(&url),
                key: &page.key,
                is_home: page.is_home(),
                is_section: page.src.is_section,
                date: page.src.date.map(|d| d.to_string()),
                date_display: page.src.date.map(|d| strings.format_date(d)),
                author: page.src.front.author.as_deref(),
                pager,
            },
        );
        let (switcher, alternates) = self.translations(page);
        ctx.insert("switcher", &switcher);
        ctx.insert("alternates", &alternates);
        if page.src.is_section {
            ctx.insert_value("listing", self.listing(page, pager));
        }
        if let Some(feed) = self.feed_of(page) {
            ctx.insert("feed_url", &feed);
        }
        if page.outdated
            && let Some(original) = self.site.original(&page.key)
        {
            let code = &self.config.default_language().code;
            ctx.insert(
                "outdated",
                &Original {
                    url: self.config.url(&original.url),
                    lang: code,
                },
            );
        }
        // The breadcrumb's middle step: the enclosing section, unless that is the home page
        // (the trail already starts there).
        if let Some(parent) = page.parent
            && !self.site.pages[parent]
                .src
                .rel
                .eq(crate::content::SECTION_FILE)
        {
            let p = &self.site.pages[parent];
            ctx.insert(
                "parent",
                &TitledLink {
                    title: &p.src.front.title,
                    url: self.config.url(&p.url),
                },
            );
        }
        let registry = self.langs[lang].registry.as_ref();
        match (page.src.generated, registry) {
            (Some(Generated::Location(i)), Some(r)) => {
                ctx.insert_value("location", r.locations[i].clone());
                ctx.insert(
                    "location_leaflets",
                    &self.leaflets.for_location(self.site, i, lang),
                );
            }
            (Some(Generated::Municipality(m)), Some(r)) => {
                ctx.insert_value("municipality", r.municipalities[m].clone());
            }
            _ => {}
        }
        ctx.insert("jsonld", &self.jsonld(page, lang));
        ctx
    }

    /// Language switcher entries (every language; the home page where no translation exists)
    /// and `hreflang` alternates (only real translations, plus `x-default`).
    fn translations(&self, page: &Page) -> (Vec<Switch<'a>>, Vec<Alternate<'a>>) {
        let mut switcher = Vec::new();
        let mut alternates = Vec::new();
        for (i, l) in self.config.site.languages.iter().enumerate() {
            let translated = self.site.translation(&page.key, i);
            let target = translated.unwrap_or(&self.site.pages[self.site.homes[i]]);
            switcher.push(Switch {
                code: &l.code,
                name: &l.name,
                dir: l.direction.as_str(),
                url: self.config.url(&target.url),
                current: i == page.lang(),
                translated: translated.is_some(),
            });
            if let Some(t) = translated {
                alternates.push(Alternate {
                    hreflang: &l.code,
                    href: self.config.permalink(&t.url),
                });
            }
        }
        if let Some(default) = self.site.original(&page.key) {
            alternates.push(Alternate {
                hreflang: "x-default",
                href: self.config.permalink(&default.url),
            });
        }
        (switcher, alternates)
    }

    fn listing(&self, page: &Page, pager: usize) -> Value {
        let strings = &self.strings[page.lang()];
        let per = page.paginate_by;
        let start = (pager - 1) * per;
        let cards: Vec<Value> = page
            .children
            .iter()
            .skip(start)
            .take(per)
            .map(|&c| self.cards[c].clone())
            .collect();
        let link = |n: usize| {
            (n >= 1 && n <= page.pager_count).then(|| self.config.url(&page.pager_url(n, strings)))
        };
        let pagers: Vec<Pager> = (1..=page.pager_count)
            .map(|n| Pager {
                number: n,
                url: link(n),
                current: n == pager,
            })
            .collect();
        let mut map = tera::Map::new();
        map.insert("pages".into(), Value::from(cards));
        map.insert("current".into(), Value::from(pager));
        // Index of this pager's first entry, for lists a template draws from other data.
        map.insert("start".into(), Value::from(start));
        map.insert("total".into(), Value::from(page.pager_count));
        map.insert(
            "previous".into(),
            Value::from_serializable(&link(pager.wrapping_sub(1))),
        );
        map.insert("next".into(), Value::from_serializable(&link(pager + 1)));
        map.insert("pagers".into(), Value::from_serializable(&pagers));
        Value::from(map)
    }

    /// The feed a page belongs to: its own (a section with a feed) or its section's.
    fn feed_of(&self, page: &Page) -> Option<String> {
        let section = if page.src.front.feed {
            page
        } else {
            let p = &self.site.pages[page.parent?];
            if !p.src.front.feed {
                return None;
            }
            p
        };
        Some(self.config.url(&format!("{}atom.xml", section.url)))
    }

    fn jsonld(&self, page: &Page, lang: usize) -> String {
        let url = self.config.permalink(&page.url);
        let organisation = &self.organisations[lang];
        let publisher = || jsonld::Reference {
            id: &organisation["@id"],
        };
        let article = page.src.date.is_some();
        let author = page.src.front.author.as_deref().map_or_else(
            || jsonld::Author::Organisation(publisher()),
            |name| jsonld::Author::Person {
                kind: "Person",
                name,
            },
        );
        let webpage = jsonld::WebPage {
            kind: if article { "Article" } else { "WebPage" },
            id: &url,
            url: &url,
            name: &page.src.front.title,
            in_language: &self.config.site.languages[lang].code,
            publisher: publisher(),
            headline: article.then_some(page.src.front.title.as_str()),
            date_published: page.src.date.map(|d| d.to_string()),
            author: article.then_some(author),
        };
        let mut graph = vec![organisation.clone(), sorted_json(&webpage)];
        if let (Some(Generated::Location(i)), Some(_)) =
            (page.src.generated, &self.langs[lang].registry)
        {
            graph.push(coverage::jsonld::location(&self.coverage.views[lang], i));
        }
        json_for_script(&sorted_json(&jsonld::Graph {
            context: "https://schema.org",
            graph,
        }))
    }
}

/// The schema.org record of the organisation in one language, built once: the same on every
/// page of it, described in its words (the language's home page description, else site.yaml's).
fn organisation(config: &Config, site: &Site, lang: usize) -> serde_json::Value {
    let org = &config.site.organisation;
    let home = config.permalink(&site.pages[site.homes[DEFAULT_LANG]].url);
    let description = site
        .homes
        .get(lang)
        .and_then(|&h| site.pages[h].src.front.description.as_deref())
        .or(org.description.as_deref());
    sorted_json(&jsonld::Organisation {
        kind: "NGO",
        id: format!("{home}#organisation"),
        name: &org.name,
        url: home.clone(),
        email: org.email.as_deref(),
        telephone: org.telephone.as_deref(),
        description,
    })
}

/// `section_pages(key="verhalen/_index", lang=lang.code, limit=3)`: the listing of a section in
/// one language, for pages that show another section's entries (the home page's stories).
fn register_section_pages(
    templates: &mut Templates,
    config: &Config,
    site: &Site,
    cards: &[Value],
) {
    let mut sections: BTreeMap<(String, String), Vec<Value>> = BTreeMap::new();
    for p in site.pages.iter().filter(|p| p.src.is_section) {
        let code = config.site.languages[p.lang()].code.clone();
        sections.insert(
            (code, p.key.clone()),
            p.children.iter().map(|&c| cards[c].clone()).collect(),
        );
    }
    let keys: BTreeSet<String> = sections.keys().map(|(_, k)| k.clone()).collect();
    templates.tera.register_function(
        "section_pages",
        move |kwargs: Kwargs, _: &State| -> TeraResult<Vec<Value>> {
            let key: String = kwargs.must_get("key")?;
            let lang: String = kwargs.must_get("lang")?;
            let limit: usize = kwargs.get("limit")?.unwrap_or(usize::MAX);
            if !keys.contains(&key) {
                return Err(super::function_error(
                    super::FunctionError::Section,
                    &key,
                    crate::diag::suggest(&key, keys.iter().map(String::as_str)),
                ));
            }
            Ok(sections
                .get(&(lang, key))
                .map(|v| v.iter().take(limit).cloned().collect())
                .unwrap_or_default())
        },
    );
}
