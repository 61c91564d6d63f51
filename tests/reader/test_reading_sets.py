"""Labelled sets (set1 of ../shared/reading, setA to setZ, setAA to setAZ, setBA to setBR), labelled independently of
the reader, scored as `mailbot parse --json` reads them."""

from __future__ import annotations

import pytest

from mailbot.configfile import load_config
from mailbot.pipeline import Rules, read_within_limits
from mailbot.scoring import compare, load_labels, report, score
from tests.reader.conftest import ROOT

READING = ROOT / "tests" / "reading"
# The bar the reader holds on each labelled set: (messages, least with every field right, most messages
# with a wrong number, automated mail (recognised, of)). setA to setI were written by other independent
# writers and scored once before any reader change made with them (E, F and G at 84.9%, 84.7%, 85.3% with
# 3, 3 and 6 wrong numbers; G scored held out once more at 86.0% before its misses were looked at; J and K
# at 80.4% and 90.4% with one wrong number each, and 18 of K's 20 automated mails recognised; L and M at 90.2%
# and 80.8% with 2 and 8 wrong numbers and 21 of 21 and 23 of 25 automated mails recognised, scored held out
# twice before they were added; N and O at 85.8% and 81.5% with 5 and 7 wrong numbers and 19 of 21 and 22 of 22
# automated mails recognised, scored held out twice before they were added; P and Q at 90.8% and 79.4% with 2
# and 10 wrong numbers and 21 of 21 and 22 of 22 automated mails recognised, scored held out twice before they
# were added, Q at 87.3% with 5 wrong the second time; R and S at 83.9% and 83.2% with 3 and 5 wrong numbers and
# 21 of 21 and 19 of 20 automated mails recognised, scored held out twice before they were added; U at 89.4%
# (110/123) with 2 wrong numbers (090 recorded 2130, 105 requested 37) and 19 of 19 automated mails recognised,
# scored once before any change made with it; its one miss left, 030, is a label that departs from the district
# rule of tests/reading/README.md; T (year-end close: space thousands "2 310", stock opname ledgers, WhatsApp
# pastes) at 79.5% (97/122) with 13 wrong numbers and 19 of 19 automated mails recognised before any change made
# with it, and the same once more after U's changes). V (rainy season, new clerks, packs counted in boxes and
# reams), W (a ministry's reconciliation month: cumulative columns, two header rows, needs less stock), X (a new
# year: "2rb3", "-----Original Message-----" corrections, console tables) and Y (field drives: WhatsApp pastes,
# voice typing, per-village rows) were each scored once before any change made with them: 86.2% (6 wrong),
# 85.2% (3), 79.2% (11) and 84.9% (4), every automated mail recognised; V's two wrong left are labels that
# depart from other writers' (069 a UPT's "habis" as no stock, 104 a three-day csv's flows null) or two readings.
# Z (year-end budget close and audit month: handovers, legal disclaimers, weekly subtotals) and AA (satellite
# outages in the interior: multi-day catch-ups, a UPT's own reports, the province's template filled in
# differently, another province's loan request) were each scored once before any change made with them: 82.6%
# (95/115, 2 wrong) and 90.9% (110/121, 4 wrong), every automated mail recognised. AB (the SIAK Terpusat
# migration week: paper ledgers, WhatsApp pastes, personal addresses) and AC (border posts and islands: office
# and mobile-unit stock, yesterday's and today's figures, narrative letters, .ods and semicolon csv) were each
# scored once before any change made with them: 92.4% (110/119, 3 wrong) and 71.3% (82/115, 9 wrong), every
# automated mail recognised; AC's three wrong left (011, 031, 061) are labels that depart from every other
# set's reading of the same table layout (see its README). AD and AE (a rainy season of floods and split
# deliveries; an election run-up with a code-mixing operator, numbers as words and odd separators) were each scored
# once before any change made with them: 88.9% (104/117, 0 wrong) and 81.0% (94/116, 12 wrong), every automated
# mail recognised; of AE's 7 wrong left, 6 (024, 066, 082, 084, 096, 097) are labels that depart from the other
# sets' reading of rows with no total row and of a receipt line in a report, and 107 a chase in a day's report.
# AG (Kalimantan Utara, early 2030: letters typed in figures, Banjar and Dayak greetings, SIAK screens read out in
# words, need and stock for the province to compute) was scored once before any change made with it: 81.0% (94/116,
# 4 wrong: 013, 045, 050, 114), every automated mail recognised; the one wrong left, 045, labels rows per day with no
# total row null where the other sets label their sum.
BARS = {
    "set1": (170, 170, 0, (20, 20)),
    "setA": (115, 114, 0, (20, 20)),
    "setB": (115, 114, 0, (20, 20)),
    "setC": (110, 109, 0, (20, 20)),
    "setD": (105, 104, 0, (18, 18)),
    "setE": (126, 124, 0, (23, 23)),
    "setF": (118, 116, 0, (22, 22)),
    "setG": (129, 128, 0, (23, 23)),
    "setH": (124, 120, 0, (23, 23)),
    "setI": (138, 136, 0, (25, 25)),
    "setJ": (112, 110, 0, (20, 20)),
    "setK": (115, 114, 0, (20, 20)),
    "setL": (122, 119, 0, (21, 21)),
    "setM": (130, 127, 0, (25, 25)),
    "setN": (120, 120, 0, (21, 21)),
    "setO": (119, 114, 1, (22, 22)),
    "setP": (119, 119, 0, (21, 21)),
    "setQ": (126, 124, 0, (22, 22)),
    "setR": (118, 107, 0, (21, 21)),
    "setS": (113, 100, 0, (20, 20)),
    "setT": (122, 121, 0, (19, 19)),
    "setU": (123, 122, 0, (19, 19)),
    "setV": (123, 118, 1, (19, 19)),
    "setW": (122, 115, 0, (19, 19)),
    "setX": (120, 108, 4, (20, 20)),
    "setY": (119, 108, 3, (18, 18)),
    "setZ": (115, 108, 0, (18, 18)),
    "setAA": (121, 117, 0, (18, 18)),
    "setAB": (119, 114, 0, (18, 18)),
    # 024 and 101 (.ods, read since): disputed labels, see its README.
    # AC labels a UPT's own stock as the stock (026/028 "kami dari UPT ... kec. KRAYAN ... sudah HABIS" -> 0, as
    # its 056/114 UPT report); setV 069 and setAQ 072/011 label the same layout null (a UPT's stock is not the
    # district's, and the province ships to districts): read null, 026/028 leave the right count.
    "setAC": (115, 98, 5, (17, 17)),
    "setAD": (117, 115, 0, (17, 17)),
    "setAE": (116, 102, 7, (18, 18)),
    # AF (a province's Google Form: form notifications as field dumps, a districts' mailing list, SIAK pastes):
    # 84/112 (75.0%), 5 wrong, 16 of 17 automated before any change made with it; 074 a disputed label.
    "setAF": (112, 97, 1, (17, 17)),  # its 8 reply-to-all mails on a mailing list stay list mail (RFC 3834)
    "setAG": (116, 103, 1, (17, 17)),
    # AH (chat-style operators, dictation with figures in words, pasted WhatsApp logs, an SMS gateway, surat dinas):
    # 104/119 (87.4%), 4 wrong, 18 of 18 automated before any change made with it.
    "setAH": (119, 119, 0, (18, 18)),
    # AI (a busy April of long threads: Outlook, Lotus Notes and Apple Mail quotes, point-by-point answers to the
    # desk's numbered questions, corrections in replies, number-heavy signatures, a sheet a week): 99/118 (83.9%),
    # 4 wrong (079, 091, 102, 107), 17 of 17 automated before any change made with it; 063 and 118 (a UPT's own
    # figures, which the reader leaves in doubt) and 042 (a question about a form, read as a receipt) left.
    "setAI": (118, 116, 0, (17, 17)),
    # AJ (operators new to their offices: numbered lists, one long paragraph, "terlampir" with a sheet only,
    # month-end recaps beside the day's report, per-kecamatan reports, receipts with BAST numbers): 101/116
    # (87.1%), 5 wrong (013, 021, 059, 060, 102), 17 of 17 automated before any change made with it.
    "setAJ": (116, 112, 0, (17, 17)),
    # AK (a shortage month: escalating reminders, stock as ranges or days left, stock per recording site, loans
    # between districts, ministry and vendor mail): 112/121 (92.6%), 3 wrong (075, 101, 111), 18 of 18 automated
    # before any change made with it; 018 ("tolong 2rb kpg" from a phone, read as a report) and 064 (a receipt
    # asking for the rest of its request, read as a request with no figure) left.
    "setAK": (121, 119, 0, (18, 18)),
    # AL (a budget year's first month: yearly need plans, KIA campaigns, packs counted by the box, month
    # positions, a UPT's part-stock, typed tables per office): 97/116 (83.6%), 8 wrong (002, 023, 046, 097, 099,
    # 104, 110, 115), 17 of 17 automated before any change made with it.
    "setAL": (116, 113, 0, (17, 17)),
    # AM (regional registers, counters and warehouses named one by one, PDFs and photos): 98/113 (86.7%), 6 wrong
    # (010, 052, 074, 084, 088, 096), 17 of 17 automated before any change made with it; 010 and 052 (rows with
    # no total row labelled null, where the other sets label the sum) are left as wrong numbers.
    "setAM": (113, 103, 2, (17, 17)),
    # AN (a nationwide SIAK outage and its catch-up: shorthand from honorary staff on personal addresses, figures
    # only in the subject, reply chains written below the quote, opening and closing stock): 108/120 (90.0%), 1
    # wrong (113, "1000 ato 1500" read as 1000), 17 of 17 automated before any change made with it.
    "setAN": (120, 115, 0, (17, 17)),
    # AO (the run-up to regional elections: school drives, KPU voter figures, run-on letters, phone replies quoting
    # above the new text, "1.5 rb"/"2K"/number words, weekly recaps, workbooks whose summary sheet is not the first,
    # loans between districts): 95/118 (80.5%), 6 wrong (031, 038, 064, 072, 107, 112), 17 of 17 automated before
    # any change made with it; 064 (a monthly mutation's "Diterima dari Provinsi 4.000" labelled null, where the
    # other sets label a receipt line inside a report) is left as a wrong number.
    "setAO": (118, 112, 1, (17, 17)),
    # AP (Ramadan and a province-wide stock audit: a report template filled in many ways, pasted with broken tabs,
    # stock per storage place, an English officer with US commas, HTML-only mail with figures split across tags,
    # PDF scans): 101/111 (91.0%), 1 wrong (041, stock per place with no total written labelled null, where the
    # other sets label the sum; left as a wrong number), 17 of 17 automated before any change made with it.
    "setAP": (111, 108, 0, (17, 17)),
    # AQ (district replies to the desk's own mails, quoting its figures in every client's style; e-office
    # notices that carry a district's letter as text or PDF; UPT offices writing for themselves; autocorrect
    # and voice-typed figures): 99/113 (87.6%), 2 wrong (072 a UPT's own stock read as the district's, 077 the
    # rest of a partly approved request read as stock), 17 of 17 automated before any change made with it.
    "setAQ": (113, 109, 0, (17, 17)),
    # AR (a year-end stock count and a new budget year: berita acara with the SIAK balance beside the physical
    # count, Malaysian-Malay reports from Sebatik with "1,500" for thousands, one-line orders from a Kadis's
    # phone, .xls/.ods/semicolon CSV, Google Sheets pastes and links, the ask in a P.S.): 85/113 (75.2%), 5 wrong
    # (001, 006, 047, 065, 076), 17 of 17 automated before any change made with it; 066 (a UPT's own figures,
    # which the reader leaves in doubt) left.
    "setAR": (113, 106, 0, (17, 17)),
    # AT (the new budget year's handover: official letters with "sebanyak 2.000 (dua ribu) keping" and Roman-numeral
    # dates, letters as .docx attachments with tables under "terlampir surat kami", handover notes between
    # operators, forwards kecamatan -> kabupaten, targets less the stock): 91/112 (81.2%), 7 wrong (032, 053, 055
    # a day of "31-XII-2026" read as the stock, 101 likewise; 034, 054 handover counts read as received; 105 a
    # forwarded kecamatan's figures read as the district's), 17 of 17 automated before any change made with it.
    "setAT": (112, 109, 0, (17, 17)),
    # AS (the December floods: WhatsApp exports pasted into mail, typed voice notes, UPT offices writing directly,
    # figures in attachment file names, subject-only mail, a request passed on for another district): 97/115
    # (84.3%), 2 wrong (024, 027), 14 of 15 automated before any change made with it. Left as labels that depart
    # from the other sets: 005/042 (a UPT's own stock labelled as the district's), 074/082 (automated mail from a
    # district's listed address labelled district null), 110 ("tidak ada perekaman dan pencetakan" labelled 0,
    # setO 089 null) and 018/047 (a figure only in an attachment's file name).
    "setAS": (115, 106, 0, (15, 15)),
    # AU (the SIAK migration and a shortage of printer supplies: ribbon/film/cleaning kits counted beside the
    # blanks, a returned defective batch with serial ranges, loans between districts, PDF-pasted tables, packs and
    # boxes with their size stated, "1,5k", terse mail from heads of office): 92/110 (83.6%), 6 wrong (031 a flow
    # line's "terima -" lending its word to the next cell, 052 "3 box + 40 keping" read 40, 086 a cleaning kit in
    # pcs asked, 093 "(3 akun)" read printed, 102 packs read as blanks, 108 the figure called off read as asked),
    # 16 of 16 automated before any change made with it.
    "setAU": (110, 105, 0, (16, 16)),
    # AV (a dry-season month of seven writers: numbered points "1) Sisa blangko:" with each figure on the line
    # under its label, long formal sentences with the figure far from its noun and repeated in words, lowercase
    # phone slang, stock in two warehouses with or without a total, yesterday's and today's figures side by side,
    # Keterangan tables): 77/105 (73.3%), 7 wrong (006 a reply's correction read as the old quoted figure; 018 and
    # 084 a count of damaged cards or warehouses read as the stock; 019 one warehouse's stock where "812 + 300 =
    # 1.112" gives the total; 075 a "Semula | Koreksi" table read from the old column; 082 a receipt already
    # reported read as received; 089 yesterday's stock beside "skrg"), 15 of 15 automated before any change made
    # with it.
    "setAV": (105, 96, 0, (15, 15)),
    # AW (the year-end stock opname: stock cards with tanggal/masuk/keluar/saldo as xlsx, csv, typed tables and
    # photographs, physical counts against SIAK, two warehouses with or without their total, inspectorate letters,
    # school recording drives, new operators writing English): 85/110 (77.3%), 8 wrong (017 the usable part of a
    # shipment read as the stock, 028 and 063 one warehouse's stock, 032 a transfer between the district's own
    # stores and 049 a stock card's empty masuk column read as received, 035 an office's empty store read as the
    # district's zero, 040, 083 the rest of a shipment still to come read as the stock), 16 of 16 automated before
    # any change made with it. Left: 040 ("Blangko 1.000 dari provinsi sudah masuk tgl 8" under a stock card,
    # labelled received null, where setC 059 and setS 031 label a receipt from the province inside a report),
    # 033/055 (figures only in a photograph) and 044 (only in a PDF).
    "setAW": (110, 106, 1, (16, 16)),
    # AX (the November reporting season: monthly reports with "Bulan ini" beside "s.d. bulan ini", recaps with a
    # column per month oldest or newest first, quarterly sheets, letters typed by secretaries, replies to the
    # desk's templates, kecamatan mail forwarded under the district's own line, WhatsApp pastes): 99/116 (85.3%),
    # 4 wrong (013 a forwarded kecamatan's stock read as the district's, 020 a subject's "habis" against "tinggal
    # sedikit", 034 a recap read from its oldest month, 054 the running-total column read as the month's), 17 of
    # 17 automated before any change made with it; left: 035 (a quarter's three months beside their total, where
    # setJ 048 labels the total: read null), 021/061 (figures only in a PDF) and 113 (an ask sized by the residents
    # not yet recorded).
    "setAX": (116, 112, 0, (17, 17)),
    # AY (staff rotation in December: new operators and interns correcting themselves mid-message, strike-through in
    # Outlook HTML, second thoughts, voice typing with "titik" for stops and numbers as words, counts in dus, letters
    # signed on behalf of heads with long Cc lists, colleagues raising a figure in the thread): 102/121 (84.3%), 6
    # wrong (002 "eh bukan" and 005 a struck-through ask read as the first figure, 022 a struck-through stock, 098
    # a reply's "naik jadi 3.000 (sebelumnya 2.000)" read as the quoted 2.000, 106 a "salah ketik" receipt, 119 the
    # 6 dus that should have come read as received), 18 of 18 automated before any change made with it. Left: 037
    # (a fallback figure, "jika tidak 1.500 pun tidak apa-apa", labelled with the first figure where setJ 029
    # labels the same layout null), 068 (stock of three places summed by the label) and 069 (only in a PDF).
    "setAY": (121, 118, 0, (18, 18)),
    # AZ (an outreach season: field teams in hospitals, prisons, schools and border villages writing from phones
    # and personal addresses, Malaysian Malay, blanks in the office and in a team's box, counts per place then their
    # total, weekly tables with a column per day, a block per kecamatan with or without a recap): 99/117 (84.6%),
    # 9 wrong (013 the office's part of a stated total, 014/021 a place's count before the total, 049, 098 and 113
    # a team's box read as the district's stock, 059 the first day's stock, 067 a school's pupils read as
    # recorded, 079 a shortfall against one place's stock), 17 of 17 automated before any change made with it;
    # left: 061 (a team's report whose district is only the town of its sites, Tanjung Selor, also the province's
    # seat) and 116 (figures only in a PDF).
    "setAZ": (117, 115, 0, (17, 17)),
    # BA (the weeks after a three-day SIAK and network outage: catch-up reports of several days in one mail, print
    # queues driving requests, Outbox mail sent days late, staff on personal addresses, a province reply-all,
    # English helpdesk tickets): 101/122 (82.8%), 8 wrong (018 two days side by side joined by the lead-in read as
    # the latest day's, 067 and 106 a row per day of days listed in the title read as the latest day's, 023 "1'287"
    # and 054/080 a pasted table's figure wrapped at its thousands dot read as their first digits, 079 the rest of a
    # shipment still with the courier read as the stock, 058 a weekly report's receipts read as received), 18 of 18
    # automated before any change made with it. Left: 058 (receipts inside a weekly report with opening and
    # closing stock, labelled received null, where setAB 082, setAM 039, setAU 047 and setC 059 label them).
    "setBA": (122, 110, 1, (18, 18)),
    # BB (Bulan KIA: child ID cards pushed through schools, posyandu and hospitals, KIA counts split by age group,
    # the ministry's allocation forwarded, school services from personal addresses, WhatsApp pastes, English-mixed
    # Tarakan mail): 98/116 (84.5%), 5 wrong (065 an ask whose own breakdown totals another figure read as asked,
    # 069 one age group's printing read as the day's, 089 the blanks a school team brought back read as the stock,
    # 090 a ministry allocation forwarded "sekadar informasi" read as asked, 105 an earlier receipt given as the
    # reason for a lowered ask read as received), 17 of 17 automated before any change made with it. Left as a label
    # that departs from the other sets: 085 (a stock "jadi stok layak pakai 1.000" after "stok 1.045 ... 45 rusak"
    # labelled 1.000, where setAO 072 labels the same pair null: read null). Left: 069/106 (age groups and posyandu
    # rows with no total written, labelled as their sums: read null), 021/073/078/092 (age-group tables), 058 (an
    # HTML table of school proposals to be summed), 039/113 (figures only in a PDF).
    "setBB": (116, 106, 0, (17, 17)),
    # BC (an ordinary March: requests before and after outreach, daily and weekly reports, shipments, interns and
    # staff on personal addresses, Sebatik and Manado Malay, English-mixed mail): 96/109 (88.1%), 2 wrong (005 a
    # need less the stock asked in plain words "dikurangi yang ada tu, jadi kirim saja yang kurang" read as the
    # need, 019 "minta 2.000 pcs, not the difference" read as the need less the stock), 16 of 16 automated before
    # any change made with it.
    "setBC": (109, 100, 0, (16, 16)),
    # BD (the April audit answered by mail: reconciliations, explanations of differences, requests justified by
    # plans, auditor questions forwarded, spreadsheets with formulas and no cached values): 94/113 (83.2%), 5 wrong
    # (045 an .ods "Jumlah" row of formulas with no cached value read as the last day's row, 059 a shipment
    # mentioned in a daily report read as received, 067 the usable part of a shipment with a box spoilt read as
    # the stock, 092 an auditor quoting another district's closing stock read as the stock, 112 a figure asked
    # beside another "yg benar yg mana" read as asked), 15 of 15 automated before any change made with it. Left
    # as a label that departs from the other sets: 059 (labelled received null, where setAB 082, setAM 039,
    # setAU 047 and setC 059 label a receipt inside a report). 045 now sums the simple formulas of the total row;
    # 092 reads data quoted from others as hearsay (still read as a Nunukan receipt, no figure).
    "setBD": (113, 97, 1, (15, 15)),
    # BE (floods on the Sesayap and Kayan rivers, May 2027: evacuation-centre reports by SMS gateway and satellite,
    # damaged blanks counted apart, need-minus-stock asks, aid and logistics figures): 81/112 (72.3%), 9 wrong, 18 of
    # 18 automated before any change made with it (017 and 088 a need less the stock asked as "sisa kebutuhan" read as
    # the need, 088's need given per posko with its total; 037 a forwarded SMS the forwarder says not to count read as
    # the report; 040 cards "masih bisa dicetak" read as printed; 049 and 086 a posko's blanks read as the district's
    # stock; 056 a shipment thanked for in a new ask read as received; 071 a correction of the "tanda terima" read as
    # 40 KTP-el; 100 a thank-you's running total read as printed). The evacuation posts' SMS-gateway and satellite
    # messages (015, 036, 057, 076, 092, 107) now read from the district the gateway's domain or the "capil mlnw"
    # sign-off names. Left: 082 (an SMS "ralat ... cukup 1rb kpg bkn 2rb" with no word of asking: read null), 013,
    # 019, 044, 045, 046, 050 (office + posko summed with "+ ... ="), 053, 058 (a posko's need less the posko's
    # blanks), 059, 091, 096, 101 (misses, no number read wrongly).
    "setBE": (112, 99, 0, (18, 18)),
    # BF (the year's last two weeks: year-end recaps, holiday-sized requests, bottom-posted threads, figures in
    # words, holiday auto-replies): 103/112 (92.0%), 0 wrong, 17 of 17 automated before any change made with it.
    # Left as a label that departs from the other sets: 099 (a calendar invitation from the Kabid's address with
    # its .ics, labelled other, where setAA 095, setAC 053, setAD 086, setAH 046, setAJ 036, setAK 055, setG 088,
    # setI 003, setQ 057, setR 090 and setX 041 label the same invitation automated: read automated). Left: 073
    # ("1.500 keping sudah kami terima ..., namun 12 keping kondisinya rusak" labelled received 1.500, where the
    # reader's own rules ask back whether damaged cards are part of those received or on top: read null), 057 (a
    # target-against-realisation table with a stock column and a row per blank: read null), 074 (a receipt
    # bottom-posted under an unmarked Outlook header and a desk mail with no footer: where the quote ends is not
    # known, read other), 007/076 (figures only in a PDF).
    "setBF": (112, 106, 0, (17, 17)),
    # BG (a new daily report template filled in every way: fields blank, renamed, "nihil", example values left in,
    # two days in one template, the template pasted in replies to the desk's own mail; Google Form echoes):
    # 99/122 (81.1%), 7 wrong, 16 of 16 automated before any change made with it (010, 070, 120 the template's
    # example values read as figures; 022, 122 two days side by side read as the first or the last day's counts;
    # 067 a request form's KIA row asking 0 read as the request; 083 "22 sudah termasuk 3 KIA, KTP-el-nya 19" read
    # as 22). Left, misses with no number read wrongly: 011, 031, 035, 037, 048, 058, 071, 075, 081, 090, 092, 096,
    # 102, 110, 116. The per-day counts of two days in one (022, 075, 122) are labelled null where setAA and setBA
    # sum the days a catch-up reports; the reader leaves them unclear, which no set reads as wrong.
    "setBG": (122, 107, 0, (16, 16)),
    # BH (new people in charge: formal surat dinas with numbered points, English and Singlish ("2k pcs"), typed
    # pipe tables, bullet lists with lbr/pcs/kpg units): 92/111 (82.9%), 5 wrong, 16 of 16 automated before any
    # change made with it (082, 090, 105 a need less the stock asked as "kekurangannya" beside a typed table's
    # rows, "memenuhi kekurangan ... dimaksud pada angka 1 (satu) di atas", "send us the balance" read as the
    # need; 039 "left 300 plus only" read as the stock; 042 "Shd be 1.5k pcs, not 15k" in a reply to "can send 15k
    # pcs?" read as a stock). Left: 002, 008, 019 (receipts with a shortfall or damaged cards), 018, 045, 063, 072
    # (stock of reports with both items), 057 (a letter's ralat "tertulis 2.000 ..., seharusnya tertulis 1.500"),
    # 068 (day rows with no total, labelled as their sums), 080 (figures only in a PDF): misses, no number wrong.
    "setBH": (111, 102, 0, (16, 16)),
    # BI (Independence Day month: recording drives at ports, markets and ceremonies, eleven writers, replies raising
    # earlier figures, split deliveries, dates and ferry times among the counts): 96/115 (83.5%), 7 wrong, 17 of 17
    # automated, scored once after all the tuning on BE to BH and before any change made with it (040 "Diterima
    # fisik : 2.800" and "mohon dicek kembali kekurangan 200" read as stock and ask; 047 "ambil sisa KIA yg 700" read
    # as a stock; 051 "stok skrg 3.031 bkn 3.301" in a reply to an arrival read as a receipt of 3.301; 060 "pos
    # Sebatik habis" read as the district's stock 0; 078 "2.808 -> sorry, after checking gudang: 2.724" read as
    # 2.808; 085 "kekurangannya saja, dikurangi stok ... 180" read as the need 630; 108 "sdh termasuk yg sy minta
    # 2.000" read as the ask). Left, misses with no number read wrongly: 011, 022, 031, 042, 060 (the office's 2.310
    # beside the empty post not taken), 064, 069, 075, 087, 088, 094, 096, 108 (read as other, the total 2.500 not
    # taken), 110.
    "setBI": (115, 101, 0, (17, 17)),
    # BJ (the interior highlands: blanks and reports by small aircraft with baggage limits, weeks batched into one
    # late mail over a slow link, boxes, packs and kg beside keping, twelve writers): 97/116 (83.6%), 5 wrong, 18 of
    # 18 automated, scored once before any change made with it (032 a week's day lines under "lap minggu ini" read
    # as the last day's; 050 "ketinggian jelajah 9.500 kaki" after "Sebagai tambahan informasi" read as an ask; 060
    # "Sisa 24 dus + 35 keping (2.435 keping)" read as 35; 099 "5 dus KIA isi 500 keping" read as 2.500; 113 "1.000
    # keping, atau kalau memungkinkan 1.200 keping" read as 1.000). Then 105/116 (90.5%), 1 wrong: 099 left, its
    # label (500 in all) departs from setN's 040 and the rule test of "4 dus isi 500 lembar" (500 a box, 2.000).
    # Left, misses with no number read wrongly: 003, 070 (a UPT's own stock in its request: the office's, not the
    # district's, by the reader's rule), 062 ("minggu ini rekam 37"), 025, 048, 059, 091 (receipts and asks by the
    # box or short by weight), 057, 101 (read as receipts), 083 (the team's and the store's stock together).
    "setBJ": (116, 105, 1, (18, 18)),
    # BK (planning season: next year's needs plans, population and budget figures, ministry allocations and
    # minutes beside the ordinary requests and reports, eleven writers): 93/119 (78.2%), 9 wrong (046, 075, 079,
    # 101 a 2028 projection or plan read as asked, 049 a plan's base stock read as a request's, 069 "tambah 500 lg
    # jd 3rb total" read as 500, 095 a weekly sheet's "Penerimaan" row read as received, 108 a shipment of the
    # 15th said beside the 27th's stock read as received, 115 "450 keping, atau 480 keping" read as 450), 17 of
    # 17 automated, scored once before any change made with it. Now a coming year's plan (in the figure's
    # sentence or a sheet's name) is no ask and a plan-only mail is other; a second figure after ", atau" is a
    # choice; a raise's total said after it is the ask; an earlier day's shipment beside the stock is no receipt.
    # Left as a label that departs from the other sets: 095 (labelled received null, where setAB 082, setAC 105,
    # setAH 078, setAM 039, setBD 038 and setC 059 label a report's "Penerimaan" row). Left: 009, 091 (lines with
    # no total, summed by the label), 019, 021, 042 and 117 (figures only in a PDF), 062, 066, 067, 087, 104,
    # 110, 114, 116 (misses, no number read wrongly).
    "setBK": (119, 104, 1, (17, 17)),
    # BL (mail shaped by its clients: HTML-only Outlook with layout tables, windows-1252 and iso-8859-1, base64 and
    # quoted-printable cutting numbers, forwards as attachments, a district's web-form system, eleven writers):
    # 88/115 (76.5%), 3 wrong, 17 of 17 automated, scored once before any change made with it (024 "sebanyak 400
    # lembar (permintaan kami 402, tidak apa-apa)" in a receipt read as an ask of 402; 028 an ask of 1.000 in words
    # over an attached need sheet totalling 1.200, "rincian ... di lampiran", read as 1.000; 090 a KIA ask naming no
    # blank beside "Stok KTP-el masih aman (2.4rb)" read as a KTP-el request with stock 2.400). Since: the ask named
    # in parentheses beside a receipt is no ask, the other blank's stock said fine leaves the ask its blank, a
    # breakdown whose total disagrees with the ask is a conflict; Tarakan's e-Layanan forms, filled by its officer
    # and sent from its own address, are read as its mail (003, 007, 042, 053, 055, 063, 085; the trial 020 stays
    # automated) with "#FRM-2027-06-0041" masked; a role word ending a phone's run-on line takes the next line's
    # figure (033, 048). Left, misses with no number read wrongly: 009, 019, 020, 025, 027, 032, 037, 068, 072, 080
    # ("cetak" / "49." read as a list bullet), 089, 091, 094 (the form's empty ask, need less stock: read null), 099,
    # 100.
    "setBL": (115, 100, 0, (17, 17)),
    # BM (a new head of section at the province: longer formal mail re-telling history beside new figures, recap
    # tables of three months, a ferry strike delaying and splitting shipments, nine writers): 102/113 (90.3%), 4
    # wrong, 16 of 16 automated, scored once after the tuning on BJ, BK and BL and before any change made with it.
    # Wrong then: 063 (a recording drive "2 minggu ini" read as 2 recorded), 090 (a stock that "sempat habis ...
    # sebelum kiriman tiba" read as 0), 091 (the running total "sehingga kiriman 3.000 ... lengkap" read as
    # received), 103 (Berau, another province's regency, its zero read). Now 110/113 (97.3%), 0 wrong: a blank
    # once out, a shipment completed or arrived in part, a count of weeks, an earlier ask changed ("2rb jadi
    # 3rb"), another province's regency, "bukan X tapi Y", a recap of months closed by the mail's month, a
    # month-end stock of an earlier month, a week's weekday rows summed. Left, misses with no number read
    # wrongly: 005 (an introduction read as a report), 039 (a stock per location to add up), 059 (a KIA
    # shortfall to work out).
    "setBM": (113, 110, 0, (16, 16)),
    # BN (young contract staff on phones: chat habits, "1,2k", "dua rb", screenshots with the figures typed again or
    # not, mail sent twice, half answers, seniors correcting juniors in the thread, twelve writers): 114/122
    # (93.4%), 1 wrong, 18 of 19 automated, scored once after the tuning on BJ, BK and BL and before any change
    # made with it (003 "blanko KIA seribu lima ratus lembar sudah kami terima ada dua lembar rusak" read as a
    # KTP-el receipt of 2; 017 a provider's "Kotak masuk Anda hampir penuh" read as spam). Since: damaged cards
    # after "ada" / "tapi" beside a receipt are a defect, no second receipt, and a mail naming only KIA keeps an
    # unnamed figure KIA's (003); a mailbox's "hampir penuh" notice with no link is automated (017); the week right
    # after a report's name is the report's own, "Laporan KIA minggu ini pencetakan KIA 61" (085); "ss laporan"
    # with a picture attached sends the report (015). Left, misses with no number read wrongly: 024 (per-day
    # rows whose week sums are the label), 058 (a box short, "1 dus isinya 480 bukan 500" beside the total 2.980:
    # a conflict), 074 (a stock-only answer in a request thread read as a stock report), 109 ("yg kemaren 2rb
    # jadi 1rb aja" with no request word: read as other).
    "setBN": (122, 118, 0, (19, 19)),
    # BO (the end of the rainy season and a data-cleansing campaign: villages reached by river boat, reports per
    # village and per trip, one operator typing for several kecamatan, answers that fill in the province's weekly
    # stock circular, receipts checked against the delivery note, ten writers): 88/112 (78.6%), 11 wrong, 17 of 17
    # automated, scored once after all the tuning on BJ to BN and before any change made with it (030, 032, 056
    # village or trip rows whose sums are the label read as one row; 037, 049, 051 asks read where the label has
    # none; 066, 095, 109 stocks; 092 a count; 107 a receipt). Now 109/112 (97.3%), 1 wrong: column names typed
    # one space apart over village rows (030, 032), a count said place by place with no total (056), the need
    # filled in for the province's stock circular and the circular's stock answered per blank (037, 049, 050,
    # 051, 024), a bracket noting a shipment came (107), the usable part of a delivery and the delivery note's
    # figure (066), a province colleague's one-line instruction (095), nights away (092), the delivery note named
    # bare and "kami hitung" (060, 061, 108), "sudah kami jemput" (062), "tolong 1rb keping" (029), a correction
    # of yesterday's stock (044), an ask that is the need less the stock (018). Left as disputed labels: 109 (a
    # team's stock on the trip, "yang kami bawa tinggal 25", labelled null as setBB 089 labels one, where setAC 016
    # and 104 label "Blangko yg kami bawa tinggal 35 keping" as the stock: the sets disagree, and the reading stays
    # the one AC's messages need), 112 (a vendor's newsletter labelled other, where setAJ 114, setAU 075 and setBF
    # 092 label automated). Left: 013 (a part of the quoted breakdown corrected, its new total).
    "setBO": (112, 109, 1, (17, 17)),
    # BP (the weeks after a regional election: a backlog of new 17-year-olds and movers, and the province's
    # reconciliation of blank cards received, printed, damaged and left; long formal letters pasted into the body,
    # phone chat in lowercase, a secretary forwarding the head's dictated note, reconciliation tables in text and
    # HTML, ten writers): 94/116 (81.0%), 11 wrong, 18 of 18 automated, scored once before any change made with it
    # (003, 025, 041, 051, 053, 060 a period's or a letter's received total where the label has none; 040, 091
    # counts; 044, 049 asks; 054 a stock and a count). Now 107/116 (92.2%), 5 wrong: Horde's "----- Pesan dari Name
    # <address> -----" ends the new text (054); a shipment in a bracket after a report's stock is no receipt (053);
    # a count the writer questions, "158 (termasuk 12 KIA?)", is asked back and its blank is no item (040); photos
    # for the province's news with a count of people are other (091); the request a receipt is measured against
    # in a bracket (044), a request chased by its date or named by "yang dimohon" (049, 084) are earlier ones;
    # "pencetakan tertunda 23 orang" is a backlog (049); a reconciliation's count printed may pass a day's most,
    # "terpakai dicetak" and a ledger's "terpakai" that balances with "rusak" apart are printed (003, 025, 051);
    # damaged-only mail and a reconciliation's schedule are other (045, 093); field lines under a typed table end
    # it (033, 034); a "Kekurangan : N" line is what "kekurangan tersebut" asks (076); a figure typed with a
    # letter O, typed again, is what the correction is of (067). The 5 wrong are disputed labels: 003, 025, 041,
    # 051, 060 leave null the reconciliation's "diterima" line, which setC, setS, setW and setBD label as received
    # (setBD 038, 044, 054 the same layout). Left, misses with no number read wrongly: 004 (a ralat letter: the old
    # and the new figure conflict), 035 (today's stock in the body against the CSV's earlier last row), 059 (the
    # ask against the xlsx's need total), 083 (figures only in a PDF).
    "setBP": (116, 107, 5, (18, 18)),
    # BQ (the school holidays and the new school year: KIA drives in schools and posyandu, a district's printer
    # broken for weeks, a shipment lost in transit and found, a district that changes its address halfway, figures
    # in words, English mixed in, thirteen district writers): 94/108 (87.0%), 10 wrong, 16 of 16 automated, scored
    # once before any change made with it (029, 050, 057, 080, 101 received figures where the label has none; 011,
    # 023, 104 stocks; 091 other mail whose figures were read; 107 per-day CSV rows whose sums are the label).
    # Now 103/108 (95.4%), 4 wrong: a shipment inside the brackets that explain the stock ("3,593 pcs (opening 910 +
    # 3,000 received)", a report's own bracketed line "(blangko 1000 kiriman tgl 8 sdh masuk stok)") is no receipt (029,
    # 050, as setX 067/110, setAE 022/077 and setT 043 label it); a receipt of one blank beside the other's stock is
    # that blank's (011, 104); an ask put off in a sentence naming no blank makes other mail (091); a stock line closing
    # a daily CSV without a total row is the stock, the days summed (107); an earlier ask "sudah termasuk di sini" is
    # none of its own (025); an ask for a printer or a technician is other (024); KIA named below the figures stays
    # aside over a phone number (028). Left as labels that depart from the other sets: 057, 101 (a receipt stated in a
    # new ask, labelled received null, where setT 026/038 label it), 080 (a receipt of two days before said in a
    # report's prose, labelled null, where setW 023/117 label it), 023 (a stock beside a shipment not arrived, labelled
    # other, where setD 050 and setV 041 label it a stock report with the stock). Left: 102 (only in a PDF).
    "setBQ": (108, 103, 4, (16, 16)),
    # BR (the fasting month and the Idul Fitri holidays: offices closed for a week, districts stocking up before it
    # and reporting in bursts after it, a flood in one district's store writing cards off, a new provincial officer
    # asking for figures again; a day's figures on one line split by semicolons, a chat gateway's lines, Outlook in
    # English, bottom-posting, screenshots, "2k", "setengah", eleven writers): 99/112 (88.4%), 3 wrong, 17 of 17
    # automated, scored once after all the tuning on BO, BP and BQ and before any change made with it (043 a
    # citizen's "blangko KIA sedang kosong" read as a stock 0; 048 another office's question read as a receipt;
    # 105 "sisa ktp 2 setengah rb" read as 2). Now 100/112 (89.3%), 2 wrong: a digit and a half before its scale
    # word is the whole figure, "2 setengah rb" 2.500 (105). Now 102/112 (91.1%), 0 wrong: an unknown sender naming
    # their family speaks as the public, and a stock said after "katanya" is hearsay (043); the writer's "only"
    # receipt weighed against what a question asks another district received confirms no delivery (048).
    "setBR": (112, 102, 0, (17, 17)),
    # BS (the year's end: stock-count reports with the year's opening, incoming, used, damaged and closing
    # figures, the inspectorate asking for them, numbers spelled out in brackets, a voice-dictated phone mail, a
    # remote kecamatan writing in capitals, .xlsx with a sheet per item and a summary, answers typed between the
    # lines of the province's circular, IKD activations beside card figures): 93/113 (82.3%), 4 wrong, 16 of 16
    # automated, scored once before any change made with it (075, 076, 077 a year's incoming and used cards in a
    # stock count read as a receipt and as printed; 095 an English receipt of part of a request read as a request).
    # Now 97/113 (85.8%), 0 wrong: a count from 1 January to 31 December books its closing stock only, the year's
    # flows are no receipt nor printing (075, 076, 077); a day in digits with its words in brackets before a month is
    # a date (075); the request a receipt is part of, in English, asks nothing (095).
    "setBS": (113, 97, 0, (16, 16)),
    # BT (July-August: the national vendor's shipment late, districts lending each other cards and bargaining
    # over rations, Independence Day recording drives with hourly and per-desk tables, Banjar words, "1,2rb",
    # SIAK exports pasted as text, Apple Mail and Outlook web in English, forwards four levels deep): 98/120
    # (81.7%), 8 wrong, 17 of 17 automated, scored once before any change made with it (019, 075 questions about
    # an earlier request's status read as new requests; 022 a returned loan read as a request; 028 a citizen's
    # "kosong" read as the district's stock 0; 051 a colleague's request confirmed read as a new one; 064 a partial
    # approval accepted read as a request; 090 an xlsx weekly report read as a receipt; 110 a KIA stock report
    # read as a request of 300).
    # Now 102/120 (85.0%), 2 wrong: an asked figure said to be still awaited is an earlier request, no ask of a
    # receipt or a day's report (022, 110); a question after a request's progress with no word asking it be acted on
    # asks nothing anew (019); a request confirmed as a colleague's asks nothing anew (051); the part the desk
    # approved asked again is no new request (064, now null); a delivery dated to a day of a weekly sheet's own rows
    # is no receipt of the report (090). Then 103/120 (85.8%), 1 wrong: a citizen's "kosong" heard from an office
    # states no stock (028). Left: 075.
    "setBT": (120, 103, 1, (17, 17)),
    # BU (January-February, the rainy season: floods cut the roads, cards come by speedboat and small planes and
    # arrive wet; mails from a phone on a hotspot sent twice, the figure only in the subject, all lowercase,
    # WhatsApp-style lines, SIAK screenshots; units "kpg", "lbr", "pcs", "bh"; runway in days; code-switching;
    # signatures full of numbers; Outlook quote headers in Indonesian): 97/110 (88.2%), 3 wrong, 17 of 17
    # automated, scored once before any change made with it (028 an earlier receipt's wet cards read as received,
    # 080 a vendor's offer in "pcs" read as printed, 104 a lowercase report of both blanks read with a KIA figure).
    # Now 99/110 (90.0%), 0 wrong: a count of damaged cards named before it, corrected or not, is no receipt (028);
    # a seller's offer with its prices states no district's figures (080); a blank named right before its figure in
    # a list of both takes it (104).
    "setBU": (110, 99, 0, (17, 17)),
    # BV (November, the month-end reconciliation before an audit: monthly reports with weekly rows and columns
    # "Stok Awal / Masuk / Terpakai / Rusak / Stok Akhir" for both blanks, as HTML, dash and pipe tables, .xlsx with
    # a summary sheet, .csv with ";" and ","; a "ralat" sent as a new mail; a province officer's forward with her
    # comments; answers between the lines of the province's reminder; projections, Rupiah, letter numbers):
    # 76/111 (68.5%), 9 wrong, 17 of 17 automated, scored once before any change made with it (010 "± 23 hari"
    # read as the stock; 035 a need figure, 086 a reconciliation table's other figure read as the stock; 021 the
    # officer's old figure; 024, 107 a kecamatan's own stock; 047 ribbon and film read as printed; 087 damaged cards
    # in a receipt read as the stock; 094 a hypothetical amount in a question read as asked).
    # Now 82/111 (73.9%), 1 wrong: a date "23-Nov-26", its month's name between dashes, is no figure (010, 035,
    # 086); a colleague at the province passing a district's mail on recalls older figures than the district's own
    # (021); the consignment an office keeps for the district is no district stock, left to a clerk (107); cards with
    # hurt packaging counted in a receipt are no stock (087); an amount sounded out for a later month in a question
    # is left to a clerk (094); what a printer supply yields, in a bracket after its count, is no printing (047).
    # Left: 024, a UPT's own "Stok di UPT tinggal 46" labelled no district stock, where AS 005 and BG 071 label the
    # same words the district's stock.
    # Now 87/111 (78.4%), 1 wrong: a ledger's "Terpakai" column beside a "Rusak" one, from an opening to a closing
    # stock, is the printing (070, 074, 097); a weekly ledger's total row closes with the last week's stock
    # (067); a ledger in rows with bars that balances gives its used row as the printing (086). Left: 024.
    "setBV": (111, 87, 1, (17, 17)),
    # Year-end: an acting head's first letters, an intern's chat, voice-to-text with "koma" and "titik" spoken,
    # year totals beside December's, a hold asked until after the holidays, Lotus Notes quotes, English autocorrect.
    # First score (before any change made with it): 89/110 (80.9%), 8 wrong. Now 90/110, 7 wrong: "mau ajuin"
    # asks and "nyusul abis opname" is no stock run out (089); "1 koma 2 ribu" said into a phone is 1.200 (061, a
    # miss now: the quarter's total is still read as its first month's).
    "setBW": (110, 90, 7, (17, 17)),
    # The border: deported migrant workers in waves, mobile teams, Malaysian Malay ("baki stok", "hantar", "kad"),
    # Bugis and Tidung words, late satellite batches, people counted beside cards, weights and flights.
    # First score: 88/110 (80.0%), 6 wrong. Now 89/110, 4 wrong: "stok kami < 500" is a bound, not the stock (095);
    # "kalau provinsi hanya bisa 400 juga tidak apa-apa" is a fallback, not the ask (038, a miss now: its writer
    # is not on the district's list).
    "setBX": (110, 89, 4, (16, 16)),
    # February: a new weekly form (LB-1) half right in every shape, printers broken and mended, printing for a
    # neighbour, returned and misprinted cards, a delivery in two parts, a request cancelled after a loan, an English
    # writer's "1,250". Written and scored after this stop's tuning on BW and BX, once: 64/85 (75.3%), 7 wrong (three
    # of them a report's line of a delivery already confirmed, which this set leaves null and setBD, setS, setW and
    # setC label received). Now 66/85, 5 wrong: the whole asked before, beside the part received ("1.500 keping dari
    # sebesar 3.500 keping yang kami mohonkan"), and an ask said met ("telah terpenuhi") are no new asks (039, 057).
    "setBY": (85, 66, 5, (16, 16)),
}


# set1 runs in the fast tier; the other sets together (about 8,900 messages, about a minute of reading) are a long
# in-process run, marked slow: the whole suite reads them all.
@pytest.mark.parametrize("name", [pytest.param(name, marks=() if name == "set1" else pytest.mark.slow)
                                  for name in sorted(BARS)])
def test_labelled_set_score_holds(name: str) -> None:
    size, least_right, most_wrong, automated = BARS[name]
    config = load_config(ROOT / "config.toml")
    labels, corpus = load_labels(READING / name)
    assert len(labels) == size
    # what `mailbot parse` reads with (the districts, addresses and limits), the parse time aside
    rules = Rules.of(config).untimed()
    result = score(labels, lambda n: read_within_limits((corpus / n).read_bytes(), rules).as_dict())
    text = report(result)
    assert result.right >= least_right, text
    if name == "set1":
        assert result.percent >= 97.0, text
    assert len(result.wrong_number_messages) <= most_wrong, text
    assert result.automated[0] >= automated[0] and result.automated[1] == automated[1], text


def test_a_wrong_number_is_told_from_a_missing_one() -> None:
    want = {"kind": "request", "requested": 2000, "stock_on_hand": None, "tags": ["x"]}
    missing = compare("a", want, {"kind": "request", "requested": None, "stock_on_hand": None})
    wrong = compare("b", want, {"kind": "request", "requested": 2000, "stock_on_hand": 750})
    assert missing.misses and not missing.wrong_numbers
    assert wrong.wrong_numbers == ("stock_on_hand read 750, expected None",)


def test_a_score_does_not_depend_on_the_parse_time_limit() -> None:
    rules = Rules.of(load_config(ROOT / "config.toml"))
    assert rules.max_parse_seconds == 5.0  # the desk's limit, as config.toml ships it
    assert rules.untimed().max_parse_seconds == 600.0
    assert rules.untimed().districts == rules.districts
