// Generates unicode-scripts.txt (run with node: `node unicode-scripts.gen.js > unicode-scripts.txt`): the code point
// ranges of every Unicode script for \p{Script=…} and \p{Script_Extensions=…}, which .NET regular expressions lack,
// and the short script aliases (sc=Grek), each checked against node's own \p{sc=…}.
const names = ["Adlam","Ahom","Anatolian_Hieroglyphs","Arabic","Armenian","Avestan","Balinese","Bamum","Bassa_Vah","Batak","Bengali","Bhaiksuki","Bopomofo","Brahmi","Braille","Buginese","Buhid","Canadian_Aboriginal","Carian","Caucasian_Albanian","Chakma","Cham","Cherokee","Chorasmian","Common","Coptic","Cuneiform","Cypriot","Cypro_Minoan","Cyrillic","Deseret","Devanagari","Dives_Akuru","Dogra","Duployan","Egyptian_Hieroglyphs","Elbasan","Elymaic","Ethiopic","Georgian","Glagolitic","Gothic","Grantha","Greek","Gujarati","Gunjala_Gondi","Gurmukhi","Han","Hangul","Hanifi_Rohingya","Hanunoo","Hatran","Hebrew","Hiragana","Imperial_Aramaic","Inherited","Inscriptional_Pahlavi","Inscriptional_Parthian","Javanese","Kaithi","Kannada","Katakana","Kawi","Kayah_Li","Kharoshthi","Khitan_Small_Script","Khmer","Khojki","Khudawadi","Lao","Latin","Lepcha","Limbu","Linear_A","Linear_B","Lisu","Lycian","Lydian","Mahajani","Makasar","Malayalam","Mandaic","Manichaean","Marchen","Masaram_Gondi","Medefaidrin","Meetei_Mayek","Mende_Kikakui","Meroitic_Cursive","Meroitic_Hieroglyphs","Miao","Modi","Mongolian","Mro","Multani","Myanmar","Nabataean","Nag_Mundari","Nandinagari","New_Tai_Lue","Newa","Nko","Nushu","Nyiakeng_Puachue_Hmong","Ogham","Ol_Chiki","Old_Hungarian","Old_Italic","Old_North_Arabian","Old_Permic","Old_Persian","Old_Sogdian","Old_South_Arabian","Old_Turkic","Old_Uyghur","Oriya","Osage","Osmanya","Pahawh_Hmong","Palmyrene","Pau_Cin_Hau","Phags_Pa","Phoenician","Psalter_Pahlavi","Rejang","Runic","Samaritan","Saurashtra","Sharada","Shavian","Siddham","SignWriting","Sinhala","Sogdian","Sora_Sompeng","Soyombo","Sundanese","Syloti_Nagri","Syriac","Tagalog","Tagbanwa","Tai_Le","Tai_Tham","Tai_Viet","Takri","Tamil","Tangsa","Tangut","Telugu","Thaana","Thai","Tibetan","Tifinagh","Tirhuta","Toto","Ugaritic","Vai","Vithkuqi","Wancho","Warang_Citi","Yezidi","Yi","Zanabazar_Square","Unknown"];
const lines = [];
for (const kind of ["Script", "Script_Extensions"]) {
  for (const name of names) {
    let re;
    try { re = new RegExp(`\\p{${kind}=${name}}`, "u"); } catch { continue; }
    const ranges = [];
    let start = -1;
    for (let cp = 0; cp <= 0x110000; cp++) {
      const inside = cp < 0x110000 && re.test(String.fromCodePoint(cp));
      if (inside && start < 0) start = cp;
      else if (!inside && start >= 0) { ranges.push(start === cp - 1 ? start.toString(16) : start.toString(16) + "-" + (cp - 1).toString(16)); start = -1; }
    }
    lines.push(`${kind === "Script" ? "sc" : "scx"} ${name} ${ranges.join(" ")}`);
  }
}
const aliases = {Latn:"Latin",Grek:"Greek",Cyrl:"Cyrillic",Hani:"Han",Arab:"Arabic",Hebr:"Hebrew",Hira:"Hiragana",Kana:"Katakana",Hang:"Hangul",Thai:"Thai",Deva:"Devanagari",Zyyy:"Common",Zinh:"Inherited",Qaai:"Inherited",Zzzz:"Unknown",Armn:"Armenian",Beng:"Bengali",Geor:"Georgian",Gujr:"Gujarati",Guru:"Gurmukhi",Knda:"Kannada",Khmr:"Khmer",Laoo:"Lao",Mlym:"Malayalam",Mong:"Mongolian",Mymr:"Myanmar",Orya:"Oriya",Sinh:"Sinhala",Taml:"Tamil",Telu:"Telugu",Tibt:"Tibetan",Ethi:"Ethiopic",Cher:"Cherokee",Copt:"Coptic",Qaac:"Coptic",Goth:"Gothic",Runr:"Runic",Ogam:"Ogham",Thaa:"Thaana",Syrc:"Syriac",Yiii:"Yi",Bopo:"Bopomofo",Brai:"Braille",Tglg:"Tagalog",Tfng:"Tifinagh",Vaii:"Vai",Java:"Javanese",Bali:"Balinese",Sund:"Sundanese",Cans:"Canadian_Aboriginal",Nkoo:"Nko",Olck:"Ol_Chiki",Dsrt:"Deseret",Shaw:"Shavian",Osma:"Osmanya",Glag:"Glagolitic",Linb:"Linear_B",Xsux:"Cuneiform",Egyp:"Egyptian_Hieroglyphs"};
for (const [a, n] of Object.entries(aliases)) {
  for (let cp = 0; cp < 0x20000; cp += 7) {
    const ch = String.fromCodePoint(cp);
    if (new RegExp(`\\p{sc=${a}}`, "u").test(ch) !== new RegExp(`\\p{Script=${n}}`, "u").test(ch)) throw new Error("alias " + a);
  }
  lines.push(`alias ${a} ${n}`);
}
console.log(lines.join("\n"));
