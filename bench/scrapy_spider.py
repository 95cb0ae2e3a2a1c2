"""Benchmark peer: a Scrapy spider that crawls one site and collects script src attributes.

It does what a minimal tag crawler written with Scrapy would do: follow every same-site <a href>,
and record the src of every <script> on each page. Run by bench/run as

    scrapy runspider bench/scrapy_spider.py -a start_url=http://127.0.0.1:PORT/

and prints "pages N scripts M" on stdout when the crawl ends.
"""

from urllib.parse import urlsplit

import scrapy


class BenchSpider(scrapy.Spider):
    name = "tagdrift-bench"
    custom_settings = {
        "CONCURRENT_REQUESTS": 8,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
        "CONCURRENT_REQUESTS_PER_IP": 0,
        "DOWNLOAD_DELAY": 0,
        "ROBOTSTXT_OBEY": False,
        "AUTOTHROTTLE_ENABLED": False,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "RETRY_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "DEPTH_PRIORITY": 0,
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    }

    def __init__(self, start_url=None, **kwargs):
        super().__init__(**kwargs)
        if not start_url:
            raise ValueError("pass -a start_url=http://host:port/")
        self.start_urls = [start_url]
        self.site = urlsplit(start_url).netloc
        self.pages = 0
        self.scripts = 0

    def start_requests(self):
        # Filtered like any other request, so the links back to the root do not fetch it twice.
        for url in self.start_urls:
            yield scrapy.Request(url, callback=self.parse)

    def parse(self, response):
        self.pages += 1
        self.scripts += len(response.css("script::attr(src)").getall())
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href)
            if urlsplit(url).netloc == self.site:
                yield scrapy.Request(url, callback=self.parse)

    def closed(self, reason):
        print(f"pages {self.pages} scripts {self.scripts}", flush=True)
