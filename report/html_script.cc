#include "report/html_assets.h"

namespace tagdrift::report {

// Plain ES5 in one closure: no eval, no markup from strings, no network. Each finding is one
// <tbody> (its row and its details), so sorting moves bodies and filtering hides them.
const std::string_view kHtmlScript = R"js(
(function () {
  'use strict';
  // Printing opens every collapsed list: a printed report is the whole report.
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) {
      d.open = true;
    });
  });
  var table = document.getElementById('findings');
  if (!table || !table.tHead) return;
  var heads = table.tHead.rows[0].cells;
  var bodies = function () { return Array.prototype.slice.call(table.tBodies); };
  function key(body, column) {
    var cell = body.rows[0].cells[column];
    var sort = cell.getAttribute('data-sort');
    return sort !== null ? sort : cell.textContent.trim().toLowerCase();
  }
  function compare(a, b) {
    var x = Number(a), y = Number(b);
    if (a !== '' && b !== '' && !isNaN(x) && !isNaN(y)) return x - y;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  Array.prototype.forEach.call(heads, function (head, column) {
    var button = document.createElement('button');
    button.type = 'button';
    while (head.firstChild) button.appendChild(head.firstChild);
    head.appendChild(button);
    button.addEventListener('click', function () {
      var ascending = head.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      head.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var sorted = bodies().sort(function (p, q) {
        var order = compare(key(p, column), key(q, column));
        return ascending ? order : -order;
      });
      sorted.forEach(function (body) { table.appendChild(body); });
    });
  });
  var filters = document.getElementById('filters');
  if (!filters) return;
  var severity = document.getElementById('filter-severity');
  var status = document.getElementById('filter-status');
  var text = document.getElementById('filter-text');
  var shown = document.getElementById('filter-count');
  function apply() {
    var words = text.value.trim().toLowerCase();
    var count = 0, all = bodies();
    all.forEach(function (body) {
      var match = (!severity.value || body.getAttribute('data-severity') === severity.value) &&
                  (!status.value || body.getAttribute('data-status') === status.value) &&
                  (!words || body.rows[0].textContent.toLowerCase().indexOf(words) >= 0);
      body.hidden = !match;
      if (match) count += 1;
    });
    shown.textContent = 'Showing ' + count + ' of ' + all.length + ' tags';
  }
  [severity, status].forEach(function (control) { control.addEventListener('change', apply); });
  text.addEventListener('input', apply);
  filters.hidden = false;
  apply();
})();
)js";

}  // namespace tagdrift::report
