settings.ads.tiktok window.siteConfig.metaPixel e
var settings={ads:{tiktok:"C4ABCDEFGHIJ1234567K"}};window.siteConfig.metaPixel=`621234567890123`;e="1";
ttq.load(settings.ads.tiktok);fbq("init",window.siteConfig.metaPixel,e);
