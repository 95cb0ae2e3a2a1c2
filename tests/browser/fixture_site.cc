#include "tests/browser/fixture_site.h"

#include "tests/support/timing.h"

namespace tagdrift::testing {
namespace {

const char* kTags = R"(<!doctype html><title>tags</title>
<script src="/loader.js"></script>
<script>
  fetch('/api/fetch?q=1');
  var x = new XMLHttpRequest(); x.open('POST', '/api/xhr'); x.send('email=a%40b.test');
  navigator.sendBeacon('/beacon', 'event=PageView&id=42');
  new Image().src = '/pixel.gif?tid=2612345678901';
  document.cookie = 'first=1; max-age=3600';
</script><p>health</p>)";

const char* kLoader = R"(var s = document.createElement('script');
s.src = '/injected.js'; document.head.appendChild(s);)";

const char* kInjected = "fetch('/from-injected', {method: 'POST', body: 'ev=lead'});";

}  // namespace

FixtureSite::FixtureSite() {
  server_.http().set_pre_routing_handler([this](const httplib::Request& req, httplib::Response&) {
    std::lock_guard lock(mu_);
    ++hits_[req.path];
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server_.http().Get("/tags", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Set-Cookie", "server=1; Max-Age=3600; Path=/");
    res.set_content(kTags, "text/html");
  });
  page("/loader.js", kLoader);
  page("/injected.js", kInjected);
  page("/alert", "<script>alert('hello'); confirm('sure?')</script><p>after");
  page("/popup", "<script>window.open('/popped')</script><p>opener");
  page("/popped", "<p>popup</p><script>fetch('/from-popup')</script>");
  page("/download",
       "<a id=d href='/file.bin' download>get</a><script>document.getElementById('d').click()"
       "</script>");
  server_.http().Get("/file.bin", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Disposition", "attachment; filename=file.bin");
    res.set_content(std::string(1000, 'x'), "application/octet-stream");
  });
  page("/away",
       "<script>onload = () => setTimeout(() => location = '/second', 50)</script>"
       "<script>fetch('/first-beacon')</script>");
  page("/second", "<script>fetch('/second-beacon')</script><p>second");
  page("/never-quiet", "<script>setInterval(() => fetch('/tick'), 100)</script>");
  page("/loop", "<p>busy<script>for (;;) {}</script>");
  page("/console", "<script>console.error('bad thing'); null.x()</script>");
  page("/styled",
       "<style>@font-face{font-family:f;src:url(/font.woff2)}body{font-family:f}"
       "</style><p>text<img src='/photo.jpg'><video src='/clip.mp4'></video>");
  // 50 MB streamed in 1 MB chunks: the beacon at the top leaves at once, whatever the rest costs.
  server_.http().Get("/big", [](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/html", [](std::size_t offset, httplib::DataSink& sink) {
      static const std::string chunk =
          repeat("<p>a long page of prose about appointments.</p>\n", 1024 * 1024 / 48);
      if (offset == 0) {
        const std::string head = "<!doctype html><script>fetch('/big-beacon')</script>";
        sink.write(head.data(), head.size());
      }
      if (offset >= 50u * 1024 * 1024) {
        sink.done();
        return true;
      }
      return sink.write(chunk.data(), chunk.size());
    });
  });
  server_.http().Get("/tick", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("ok", "text/plain");
  });
  server_.http().set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.status == 404) {
      res.status = 200;
      res.set_content("ok", "text/plain");
    }
  });
  server_.start();
}

void FixtureSite::page(const std::string& path, const std::string& body) {
  const std::string type = path.ends_with(".js") ? "text/javascript" : "text/html";
  server_.http().Get(path, [body, type](const httplib::Request&, httplib::Response& res) {
    res.set_content(body, type);
  });
}

int FixtureSite::hits(const std::string& path) {
  std::lock_guard lock(mu_);
  return hits_[path];
}

}  // namespace tagdrift::testing
