#!/usr/bin/env python3
"""Generates a deterministic healthcare-style website for the crawl benchmark.

Every page is built from its own PRNG seeded by (seed, page number), so the same arguments give
byte-identical output on any machine and pages can be built in parallel. Pages are 30-60 KB of
realistic markup: a head with meta tags, stylesheets and tracking tags, navigation, article text,
lists, tables and a footer, with ~20 links to other pages of the site. Page 0 is /index.html and
every page links to the next three, so the whole site is reachable from the root.

Writes DIR/ (pages, .gz twins for nginx gzip_static, assets, robots.txt, sitemap.xml) and
DIR.json (a manifest with the page and URL counts a complete crawl must reach).
"""

import argparse
import gzip
import json
import multiprocessing
import os
import posixpath
import random
import sys

GENERATOR_VERSION = 3
SECTIONS = ["conditions", "services", "doctors", "locations", "patients", "news"]
TOPICS = [
    "asthma-in-children", "type-2-diabetes", "high-blood-pressure", "knee-replacement",
    "prenatal-care", "ivf-treatment", "anxiety-therapy", "skin-cancer-screening", "flu-vaccine",
    "sleep-apnea", "migraine", "physical-therapy", "heart-health", "covid-testing",
    "weight-management", "allergy-testing", "back-pain", "cataract-surgery", "hearing-loss",
    "pediatric-checkups", "menopause", "eczema", "depression", "kidney-stones", "colonoscopy",
    "thyroid-disorders", "sports-injuries", "urgent-care", "telehealth", "mammography",
]
WORDS = (
    "patient patients care clinic doctor physician nurse treatment therapy symptoms diagnosis "
    "appointment insurance health healthy condition chronic acute pain blood pressure heart "
    "lungs skin sleep diet exercise medication dose prescription pharmacy test results lab "
    "screening vaccine immune infection recovery surgery procedure specialist referral primary "
    "family children adults seniors women men pregnancy fertility mental stress anxiety mood "
    "support program team visit visits follow-up risk risks benefit benefits option options "
    "plan plans cost costs coverage provider providers hospital outpatient inpatient emergency "
    "urgent daily weekly monthly early late common rare mild severe signs signals body weight "
    "sugar cholesterol kidney liver bone joint muscle nerve brain eye ear throat nose cough "
    "fever rest water walking strength balance habits lifestyle quality research study studies "
    "evidence guidance guidelines recommend recommended help helps improve reduce manage "
    "control prevent check discuss ask learn understand choose schedule call bring "
    "the the the the a a a an and and and or of of of to to to in in in for for with with on "
    "on at by from your your our our their this that these those may can should will often "
    "usually sometimes most many some more less every each any about after before during"
).split()
TAG_SNIPPETS = {
    "gtm": """<script>(function(w,d,s,l,i){{w[l]=w[l]||[];w[l].push({{'gtm.start':
new Date().getTime(),event:'gtm.js'}});var f=d.getElementsByTagName(s)[0],
j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=
'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);
}})(window,document,'script','dataLayer','GTM-B3NCH{n:02d}');</script>""",
    "ga4": """<script async src="https://www.googletagmanager.com/gtag/js?id=G-BENCH{n:04d}X"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}
gtag('js',new Date());gtag('config','G-BENCH{n:04d}X');</script>""",
    "meta": """<script>!function(f,b,e,v,n,t,s){{if(f.fbq)return;n=f.fbq=function(){{n.callMethod?
n.callMethod.apply(n,arguments):n.queue.push(arguments)}};if(!f._fbq)f._fbq=n;n.push=n;
n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;
s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}}(window,document,'script',
'https://connect.facebook.net/en_US/fbevents.js');fbq('init','10000000000{n:05d}');
fbq('track','PageView');</script>
<noscript><img height="1" width="1" style="display:none"
src="https://www.facebook.com/tr?id=10000000000{n:05d}&amp;ev=PageView&amp;noscript=1"/></noscript>""",
    "pinterest": """<script>!function(e){{if(!window.pintrk){{window.pintrk=function(){{
window.pintrk.queue.push(Array.prototype.slice.call(arguments))}};var n=window.pintrk;
n.queue=[],n.version="3.0";var t=document.createElement("script");t.async=!0,t.src=e;
var r=document.getElementsByTagName("script")[0];r.parentNode.insertBefore(t,r)}}}}
("https://s.pinimg.com/ct/core.js");pintrk('load','26100000{n:05d}',{{em:'<user_email_address>'}});
pintrk('page');</script>""",
    "tiktok": """<script type="text/plain" class="optanon-category-C0004">!function(w,d,t){{
w.TiktokAnalyticsObject=t;var ttq=w[t]=w[t]||[];ttq.load=function(e){{var o=d.createElement("script");
o.async=!0,o.src="https://analytics.tiktok.com/i18n/pixel/events.js?sdkid="+e+"&lib="+t;
var a=d.getElementsByTagName("script")[0];a.parentNode.insertBefore(o,a)}};
ttq.load('CBENCH{n:05d}TIKTOKPX');ttq.page();}}(window,document,'ttq');</script>""",
}
QUERY_TARGETS = 8  # pages 1..8 are also linked as ?print=1: a fixed, known set of extra URLs


def page_path(i):
    """The URL path of page i; page 0 is the root, served from index.html."""
    if i == 0:
        return "/"
    return f"/{SECTIONS[i % len(SECTIONS)]}/{TOPICS[(i * 7) % len(TOPICS)]}-{i}.html"


def page_title(i):
    if i == 0:
        return "Northgate Health Partners"
    topic = TOPICS[(i * 7) % len(TOPICS)].replace("-", " ")
    return f"{topic.capitalize()} | {SECTIONS[i % len(SECTIONS)].capitalize()} {i}"


def sentence_pool(seed, count=4000):
    rng = random.Random(f"{seed}-sentences")
    pool = []
    for _ in range(count):
        words = rng.choices(WORDS, k=rng.randint(8, 22))
        pool.append(" ".join(words).capitalize() + rng.choice([".", ".", ".", "?", "!"]))
    return pool


class PageBuilder:
    def __init__(self, seed, pages, pool):
        self.seed, self.pages, self.pool = seed, pages, pool

    def href(self, rng, here, j, extra=""):
        target = page_path(j)
        if rng.random() < 0.3 and j != 0 and here != "/":  # some links relative to this page
            target = posixpath.relpath(target, posixpath.dirname(here))
        return target + extra

    def link_targets(self, rng, i):
        n = self.pages
        nxt = [(i + k) % n for k in (1, 2, 3)]
        rand = [rng.randrange(1, n) for _ in range(17)] if n > 1 else []
        return [j for j in nxt + rand if j != i] or [0]

    def text(self, rng, lo, hi):
        return " ".join(rng.choices(self.pool, k=rng.randint(lo, hi)))

    def paragraph(self, rng, here, links):
        parts = [self.text(rng, 2, 6)]
        while links and rng.random() < 0.6:
            j, extra = links.pop()
            parts.append(f'<a href="{self.href(rng, here, j, extra)}">{page_title(j)}</a>')
            parts.append(self.text(rng, 1, 3))
        return "<p>" + " ".join(parts) + "</p>"

    def table(self, rng):
        rows = []
        for _ in range(rng.randint(5, 15)):
            cells = "".join(f"<td>{' '.join(rng.choices(WORDS, k=3))}</td>" for _ in range(3))
            rows.append(f"<tr><td>{rng.randint(1, 999)}</td>{cells}</tr>")
        return ('<table class="data"><thead><tr><th>#</th><th>Item</th><th>Detail</th>'
                f"<th>Notes</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")

    def list_block(self, rng):
        tag = rng.choice(["ul", "ol"])
        items = "".join(f"<li>{rng.choice(self.pool)}</li>" for _ in range(rng.randint(4, 10)))
        return f"<{tag}>{items}</{tag}>"

    def head(self, rng, i, here):
        title = page_title(i)
        tags = [TAG_SNIPPETS["gtm"].format(n=i % 7), TAG_SNIPPETS["ga4"].format(n=i % 97)]
        for name, every in (("meta", 7), ("pinterest", 11), ("tiktok", 13)):
            if i % every == 0:
                tags.append(TAG_SNIPPETS[name].format(n=i % 1000))
        if i % 3 == 0:  # a large inline state blob, as framework-rendered pages have
            state = [{"id": k, "label": rng.choice(self.pool)} for k in range(rng.randint(20, 60))]
            tags.append('<script id="__STATE__" type="application/json">'
                        + json.dumps({"page": i, "items": state}) + "</script>")
        return f"""<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<meta name="description" content="{rng.choice(self.pool)}">
<meta property="og:title" content="{title}">
<meta property="og:type" content="article">
<link rel="canonical" href="https://www.bench-clinic.test{here}">
<link rel="stylesheet" href="/assets/css/main.css">
<link rel="stylesheet" href="/assets/css/print.css" media="print">
<link rel="preload" href="/assets/js/app.js" as="script">
<script src="/assets/js/vendor.js" defer></script>
<script src="/assets/js/app.js" defer></script>
{chr(10).join(tags)}
<script type="application/ld+json">{json.dumps({"@context": "https://schema.org",
    "@type": "MedicalWebPage", "name": title, "url": here})}</script>
</head>"""

    def nav(self, rng, here):
        items = ['<li><a href="/">Home</a></li>'] + [
            f'<li><a href="{self.href(rng, here, k)}">{SECTIONS[k % 6].capitalize()}</a></li>'
            for k in range(1, min(7, self.pages))]
        return ('<header class="site-header"><a class="brand" href="/"><img src="/assets/img/logo.svg"'
                ' alt="Northgate Health Partners" width="200" height="40"></a>'
                f'<nav aria-label="Main"><ul>{"".join(items)}</ul></nav></header>')

    def footer(self, rng, here):
        cols = []
        for c in range(3):
            links = "".join(
                f'<li><a href="{self.href(rng, here, j)}">{page_title(j)}</a></li>'
                for j in range(7 + c * 3, min(10 + c * 3, self.pages)))
            cols.append(f"<section><h2>Column {c + 1}</h2><ul>{links}</ul></section>")
        return ('<footer class="site-footer">' + "".join(cols) + "<p>&copy; Northgate Health "
                'Partners. <a href="#top">Back to top</a></p></footer>')

    def build(self, i):
        rng = random.Random(f"{self.seed}-{i}")
        here = page_path(i)
        target = rng.randint(30_000, 60_000)
        links = []
        for j in self.link_targets(rng, i):
            r = rng.random()
            if r < 0.05 and self.pages > QUERY_TARGETS:
                links.append((rng.randint(1, QUERY_TARGETS), "?print=1"))
            elif r < 0.25:
                links.append((j, f"#section-{rng.randint(1, 5)}"))
            else:
                links.append((j, ""))
        head = self.head(rng, i, here)
        top = (f'<!DOCTYPE html>\n<html lang="en">\n{head}\n<body id="top">\n'
               f'{self.nav(rng, here)}\n<main><nav class="breadcrumb"><a href="/">Home</a> &rsaquo; '
               f'{SECTIONS[i % 6].capitalize()}</nav>\n<article><h1>{page_title(i)}</h1>\n')
        bottom_links = "".join(f'<li><a href="{self.href(rng, here, j, e)}">{page_title(j)}</a></li>'
                               for j, e in links[-4:])
        bottom = (f'</article>\n<aside class="related"><h2>Related</h2><ul>{bottom_links}</ul></aside>'
                  f"</main>\n{self.footer(rng, here)}\n</body>\n</html>\n")
        content_links = links[:-4]
        body, size, section = [], len(top) + len(bottom), 0
        while size < target or content_links:
            if rng.random() < 0.15 or not body:
                section += 1
                block = f'<h2 id="section-{section}">{rng.choice(self.pool)[:60]}</h2>'
            else:
                kind = rng.random()
                if kind < 0.7:
                    block = self.paragraph(rng, here, content_links)
                elif kind < 0.9:
                    block = self.list_block(rng)
                else:
                    block = self.table(rng)
            body.append(block)
            size += len(block) + 1
        queries = {j for j, extra in links if extra.startswith("?")}
        return here, top + "\n".join(body) + "\n" + bottom, queries


_worker = {}


def init_worker(builder, out):
    _worker["builder"], _worker["out"] = builder, out


def write_page(i):
    builder, out = _worker["builder"], _worker["out"]
    here, html, queries = builder.build(i)
    data = html.encode()
    path = os.path.join(out, here.lstrip("/") or "index.html")
    with open(path, "wb") as f:
        f.write(data)
    with open(path + ".gz", "wb") as f:
        f.write(gzip.compress(data, compresslevel=6, mtime=0))
    return len(data), queries


def write_assets(out):
    files = {
        "assets/css/main.css": "body{margin:0;font:16px/1.6 system-ui,sans-serif}" * 40,
        "assets/css/print.css": "@media print{nav,footer{display:none}}\n",
        "assets/js/app.js": "document.documentElement.classList.add('js');\n" * 30,
        "assets/js/vendor.js": "window.vendor={version:'1.0.0'};\n" * 30,
        "assets/img/logo.svg": ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">'
                                '<rect width="200" height="40" fill="#0a5"/></svg>\n'),
    }
    for rel, text in files.items():
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)


def write_robots_and_sitemap(out, pages, origin):
    with open(os.path.join(out, "robots.txt"), "w") as f:
        f.write(f"User-agent: *\nDisallow: /private/\n\nSitemap: {origin}/sitemap.xml\n")
    urls = [f"{origin}{page_path(i)}" for i in range(pages)]
    chunk = 50_000  # the sitemap protocol's limit per file

    def urlset(part):
        rows = "".join(f"<url><loc>{u}</loc></url>\n" for u in part)
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/'
                f'schemas/sitemap/0.9">\n{rows}</urlset>\n')

    if len(urls) <= chunk:
        with open(os.path.join(out, "sitemap.xml"), "w") as f:
            f.write(urlset(urls))
        return
    refs = []
    for n, start in enumerate(range(0, len(urls), chunk)):
        with open(os.path.join(out, f"sitemap-{n}.xml"), "w") as f:
            f.write(urlset(urls[start:start + chunk]))
        refs.append(f"<sitemap><loc>{origin}/sitemap-{n}.xml</loc></sitemap>\n")
    with open(os.path.join(out, "sitemap.xml"), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps'
                f'.org/schemas/sitemap/0.9">\n{"".join(refs)}</sitemapindex>\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True, help="site directory to write")
    ap.add_argument("--origin", default="http://127.0.0.1:8080",
                    help="scheme://host:port for the absolute URLs of robots.txt and sitemap.xml")
    args = ap.parse_args()
    if args.pages < 1:
        sys.exit("gen_site.py: --pages must be at least 1")

    out = os.path.abspath(args.out)
    stamp_path = os.path.join(out, ".stamp")
    stamp = f"v{GENERATOR_VERSION} seed={args.seed} pages={args.pages}\n"
    manifest_path = out.rstrip("/") + ".json"
    fresh = os.path.exists(stamp_path) and open(stamp_path).read() == stamp
    if not fresh:
        for s in SECTIONS:
            os.makedirs(os.path.join(out, s), exist_ok=True)
        write_assets(out)
        builder = PageBuilder(args.seed, args.pages, sentence_pool(args.seed))
        with multiprocessing.Pool(initializer=init_worker, initargs=(builder, out)) as pool:
            results = pool.map(write_page, range(args.pages), chunksize=64)
        queries = set().union(*(q for _, q in results))
        # A complete crawl fetches every page once plus each distinct ?print=1 variant.
        manifest = {"pages": args.pages, "seed": args.seed,
                    "html_bytes": sum(n for n, _ in results), "urls": args.pages + len(queries)}
        with open(manifest_path, "w") as f:
            json.dump(manifest, f, indent=1)
        with open(stamp_path, "w") as f:
            f.write(stamp)
    write_robots_and_sitemap(out, args.pages, args.origin.rstrip("/"))
    manifest = json.load(open(manifest_path))
    print(f"site: {args.pages} pages, {manifest['html_bytes'] / 1e6:.1f} MB of HTML"
          f"{' (cached)' if fresh else ''}", file=sys.stderr)


if __name__ == "__main__":
    main()
