#include "browser/visitor.h"

#include <atomic>
#include <exception>
#include <thread>

#include "browser/page_visit.h"

namespace tagdrift::browser {

Visitor::Visitor(LaunchOptions launch, VisitOptions visit, unsigned concurrency)
    : launch_(std::move(launch)),
      options_(std::move(visit)),
      concurrency_(concurrency == 0 ? 1 : concurrency) {}

Visitor::~Visitor() = default;

std::shared_ptr<Chromium> Visitor::acquire() {
  std::lock_guard lock(mu_);
  if (!browser_) browser_ = std::make_shared<Chromium>(launch_);
  return browser_;
}

void Visitor::lost(const std::shared_ptr<Chromium>& browser) {
  std::lock_guard lock(mu_);
  if (browser_ != browser) return;  // another visit saw it first and let it go
  browser_.reset();
  ++restarts_;
}

VisitResult Visitor::visit_one(const std::string& url) {
  auto browser = acquire();
  auto result = visit_page(browser->devtools(), url, options_);
  if (browser->devtools().closed()) {
    if (result.error.empty()) result.error = "the browser exited during the visit";
    lost(browser);
  }
  return result;
}

void Visitor::visit(const std::vector<std::string>& urls, const Done& done) {
  std::atomic<std::size_t> next{0};
  std::mutex done_mu;
  std::exception_ptr failure;
  auto work = [&] {
    for (std::size_t i; (i = next++) < urls.size();) {
      try {
        auto result = visit_one(urls[i]);
        std::lock_guard lock(done_mu);
        done(i, std::move(result));
      } catch (...) {
        std::lock_guard lock(done_mu);
        if (!failure) failure = std::current_exception();
        next = urls.size();
      }
    }
  };
  const auto threads = std::min<std::size_t>(concurrency_, urls.size());
  std::vector<std::thread> workers;
  for (std::size_t t = 1; t < threads; ++t) workers.emplace_back(work);
  work();
  for (auto& worker : workers) worker.join();
  if (failure) std::rethrow_exception(failure);
}

std::vector<VisitResult> Visitor::visit(const std::vector<std::string>& urls) {
  std::vector<VisitResult> results(urls.size());
  visit(urls, [&](std::size_t index, VisitResult result) { results[index] = std::move(result); });
  return results;
}

unsigned Visitor::restarts() {
  std::lock_guard lock(mu_);
  return restarts_;
}

pid_t Visitor::browser_pid() {
  std::lock_guard lock(mu_);
  return browser_ ? browser_->pid() : -1;
}

}  // namespace tagdrift::browser
