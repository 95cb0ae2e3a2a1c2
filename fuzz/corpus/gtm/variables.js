(function(){
var data = {
"resource": {
  "version":"3",
  "macros":[{"function":"__e"},{"function":"__c","vtp_value":"G-AB12CD34"},{"function":"__smm","vtp_setDefaultValue":true,"vtp_input":["macro",0],"vtp_defaultValue":["macro",1],"vtp_map":["list",["map","key","live","value","UA-1234-5"]]},{"function":"__remm","vtp_input":["macro",0],"vtp_map":["list",["map","key","a\\.b","value",["macro",4]]]},{"function":"__c","vtp_value":["macro",3]},{"function":"__gas","vtp_trackingId":["macro",2]}],
  "tags":[{"function":"__googtag","vtp_tagId":["macro",1],"tag_id":1},{"function":"__ua","vtp_gaSettings":["macro",5],"tag_id":2},{"function":"__html","vtp_html":["template","<script type=\"text/gtmscript\">fbq(\"init\",\"",["escape",["macro",4],8,16],"\")</script>"],"setup_tags":["list",["tag",3,0]],"tag_id":3},{"function":"__img","vtp_url":"https://px.test/p?id=1","tag_id":4},{"function":"__paused","vtp_originalTagType":"html","tag_id":5}],
  "predicates":[{"function":"_eq","arg0":["macro",0],"arg1":"gtm.js"},{"function":"_cn","arg0":["macro",0],"arg1":"x","negate":true}],
  "rules":[[["if",0],["add",0,1,2]],[["if",0,1],["unless",1],["add",4],["block",3]]]
},
"permissions":{"__cvt_1":{"inject_script":{"urls":["https://connect.facebook.net/*"]}}}
};
})();
