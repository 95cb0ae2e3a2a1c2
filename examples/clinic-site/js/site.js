// Riverside Family Clinic: menu toggle and appointment form helpers.
(function () {
  var toggle = document.querySelector('.nav-toggle');
  var nav = document.getElementById('site-nav');
  if (toggle && nav) {
    toggle.addEventListener('click', function () {
      var open = nav.classList.toggle('open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }
  // The thank-you page reads the address back for the conversion tag.
  var form = document.getElementById('appointment-form');
  if (form) {
    var params = new URLSearchParams(window.location.search);
    var service = params.get('service');
    if (service && form.elements.service) form.elements.service.value = service;
    form.addEventListener('submit', function () {
      try { sessionStorage.setItem('rfc_email', form.elements.email.value); } catch (e) {}
    });
  }
})();
