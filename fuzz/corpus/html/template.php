<?php /* <script src="https://connect.facebook.net/en_US/fbevents.js"></script> */ ?>
{{!-- <img src="https://ct.pinterest.com/v3/?tid=2612345678901"> --}}
<html><head><base href="/sub/"><script type="text/plain" data-cookieconsent="marketing">fbq('init','123456789012345');</script></head>
<body><!-- <script>pintrk('load','2612345678901');</script> -->
<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-ABC123"></iframe></noscript>
<form><input name="email" type="email"><input name="dob"></form><a href="../x?utm_source=y">x</a>
<script src="https://www.googletagmanager.com/gtag/js?id=G-ABCDEF1234" async></script>
<chat-widget location-id="abc123"></chat-widget><meta name="facebook-domain-verification" content="abcdef">
</body></html>
