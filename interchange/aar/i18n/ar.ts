// biome-ignore-all format: a table, one entry a line so that it reads as one
/**
 * The AAR/IP's fixed texts in Arabic (Modern Standard Arabic, Latin digits as the consoles use).
 * Values are strings or functions of already formatted, already isolated values (see ../bidi.ts).
 * Counts are written as "العدد: n" or "n من أصل m" where a counted noun would need agreement.
 */
import type { AarMessages } from './types.ts';

export const AR: AarMessages = {
  reportTitle: (title) => `${title}: تقرير ما بعد التمرين / خطة التحسين`,
  reportFallbackTitle: 'تقرير ما بعد التمرين',
  subtitle: (id, version, seed, date) =>
    `التمرين ${id} الإصدار ${version}، البذرة ${seed}، ${date}. أعدّه رامبارتس من سجل التمرين؛ ويمكن الحصول على كل رقم فيه مجددًا بإعادة تشغيل السجل.`,
  contents: 'المحتويات',

  'section.overview': 'نظرة عامة على التمرين',
  'section.summary': 'الملخص التنفيذي',
  'section.objectives': 'أهداف التمرين والقدرات الأساسية',
  'section.analysis': 'تحليل القدرات الأساسية',
  'section.metrics': 'مقاييس الأداء',
  'section.plan': 'الملحق أ: خطة التحسين',
  'section.participants': 'الملحق ب: المشاركون في التمرين',
  'section.method': 'الملحق ج: المنهجية',

  'overview.item': 'البند', 'overview.details': 'التفاصيل',
  'overview.name': 'اسم التمرين', 'overview.dates': 'مواعيد التمرين', 'overview.scope': 'النطاق',
  'overview.capabilities': 'القدرات الأساسية', 'overview.objectives': 'الأهداف', 'overview.threat': 'التهديد أو الخطر',
  'overview.scenario': 'السيناريو', 'overview.organisations': 'الجهات المشاركة', 'overview.contact': 'جهة الاتصال',
  'overview.datesValue': (start, end, ran, planned, byControl) =>
    `من ${start} إلى ${end} (${ran} من أصل ${planned} مخطط لها${byControl ? '، أنهته إدارة التمرين' : ''})`,
  'overview.scopeValue': (mode, teams, commands, events) =>
    `تمرين ${mode}، عدد الفرق الزرقاء: ${teams}، عدد الأوامر: ${commands}، عدد الأحداث: ${events}`,
  'overview.contactDefault': 'إدارة التمرين',

  'summary.text': (x) =>
    `نفّذ الفريق الأحمر ${x.attempts} محاولة على شبكات التحالف؛ رصد الفريقُ المستهدَف ${x.detected} منها (${x.rate}) بعد ${x.ttd} في المتوسط. `
    + `حقّق الفريق الأحمر ${x.achieved} من أصل ${x.objectives} من أهداف الحملة. تبادلت الفرق ${x.shared} من تقارير الاستخبارات، وطُبّقت ${x.applied} مرة؛ `
    + `وحُظر ${x.blocked} من أصل ${x.seen} من مؤشرات الحملة المرصودة في كل موضع استُخدمت فيه لاحقًا${x.ttp === null ? '' : `، بعد ${x.ttp} من أول رصد لها في المتوسط`}.`,
  'summary.strengths': 'أبرز نقاط القوة',
  'summary.improvements': 'أهم مجالات التحسين',
  'summary.more': (shown, total, section) => `يُعرض هنا ${shown} من أصل ${total}؛ وترد جميعها في قسم «${section}».`,
  noneObserved: 'لم يُلاحظ شيء.',
  none: 'لا شيء.',

  'chart.scores.title': 'تطور الدرجات',
  'chart.scores.caption': 'الدرجة المركّبة لكل فريق على مدى التمرين (من 0 إلى 100).',
  'chart.swimlanes.title': 'مسارات الرصد',
  'chart.swimlanes.caption': 'لكل فريق، كل خطوة حمراء وصلت إليه أو راقبها: من أول محاولة (▲) إلى أول تنبيه لدى الفريق (●) ثم الاحتواء (■)؛ والمثلثات الحمراء لم يرصدها ذلك الفريق قط.',
  'chart.heatmap.title': 'خريطة تغطية ATT&CK الحرارية',
  'chart.heatmap.caption': 'التقنيات التي استخدمها الفريق الأحمر (صفوف بترتيب سلسلة الاختراق) لكل فريق: درجة الرصد من 0 (أحمر، لم تُرصد) إلى 100 (أخضر، نُبّه إليها فورًا)؛ الرمادي = لم تُستخدم ضد الفريق.',
  'chart.markdown': (title, command) => `${title}: انظر تقرير HTML (${command}).`,
  'chart.axisTime': 'وقت التمرين',
  'chart.scoresLabel': 'الدرجة المركّبة لكل فريق عبر الزمن',
  'chart.finalScore': 'الدرجة المركّبة النهائية',
  'chart.swimlanesLabel': 'الخطوات الحمراء مقابل الرصد والاحتواء لكل فريق',
  'chart.legend.attempt': 'أول محاولة', 'chart.legend.detect': 'أول تنبيه', 'chart.legend.contain': 'احتُويت', 'chart.legend.miss': 'لم تُرصد',
  'chart.tip.firstAttempt': 'أول محاولة', 'chart.tip.detectedAfter': 'رُصدت بعد', 'chart.tip.neverDetected': 'لم تُرصد',
  'chart.tip.containedAfter': 'احتُويت بعد', 'chart.tip.notContained': 'لم تُحتوَ',
  'chart.heatmapLabel': 'تقنيات ATT&CK التي استخدمها الفريق الأحمر ملوّنة حسب الرصد لكل فريق',
  'chart.legend.never': 'لم تُرصد', 'chart.legend.late': 'متأخر', 'chart.legend.atOnce': 'فورًا', 'chart.legend.notUsed': 'لم تُستخدم',
  'chart.coalition': 'التحالف', 'chart.coalitionAny': 'التحالف (أي فريق)',
  'chart.tip.notUsed': 'لم تُستخدم ضد هذا الفريق', 'chart.tip.detected': (d, a) => `رُصدت ${d} من أصل ${a}`,
  'chart.tip.score': 'الدرجة', 'chart.tip.meanDelay': 'متوسط التأخير',

  'objectives.objective': 'الهدف', 'objectives.capability': 'القدرة الأساسية', 'objectives.rating': 'التقدير', notRated: 'غير مقدَّر',
  'objectives.ratings': (list) => `التقديرات: ${list}.`,
  'rating.P': 'نُفّذ دون تحديات', 'rating.S': 'نُفّذ مع بعض التحديات',
  'rating.M': 'نُفّذ مع تحديات كبيرة', 'rating.U': 'تعذّر تنفيذه',

  'analysis.objectives': (list, source) => `الأهداف: ${list}. مصدر التقدير: ${source}.`,
  'analysis.source.evaluators': 'المقيّمون', 'analysis.source.tasks': 'المهام',
  'analysis.capabilityRatings': (list) => `تقديرات المقيّمين للقدرة: ${list}.`,
  'analysis.task': 'المهمة الحرجة', 'analysis.notes': 'ملاحظات المقيّمين', 'analysis.injects': 'المدخلات', 'analysis.answered': 'المُجاب عنها',
  'analysis.metMissed': 'الإجراءات المتوقعة: المنجزة / الفائتة', 'analysis.meanGrade': 'متوسط الدرجة',
  'analysis.strengths': 'نقاط القوة', 'analysis.improvements': 'مجالات التحسين',
  'analysis.loose': 'ملاحظات غير مرتبطة بقدرة من قدرات السيناريو',

  'section.teams': 'التقييم حسب الفريق',
  'teams.noRatings': 'لم يُقيَّم أي فريق.', 'teams.item': 'القدرة أو المهمة الحرجة', 'teams.history': 'التقديرات المعطاة (مَن، متى، من ← إلى)',
  'teams.discussion': 'إجابات الفرق عن أسئلة النقاش', 'teams.noAnswers': 'لم يُجَب عن أي سؤال من أسئلة النقاش.',
  'teams.answer': 'الإجابة', 'teams.grade': 'الدرجة', 'teams.when': 'الوقت',

  'metrics.scores': 'الدرجات لكل فريق', 'metrics.detection': 'الرصد والاستجابة لكل فريق',
  'metrics.steps': 'الخطوات الحمراء: زمن الرصد وزمن الاحتواء', 'metrics.injects': 'المدخلات: زمن الإقرار وزمن الرد',
  'metrics.services': 'توافر الخدمات الحرجة', 'metrics.intel': 'الاستخبارات المتبادلة والمستخدمة',
  'metrics.ttp': 'زمن حماية التحالف', 'metrics.coverage': 'تغطية ATT&CK',
  team: 'الفريق', 'score.composite': 'المركّبة', 'score.availability': 'التوافر', 'score.detection': 'الرصد', 'score.response': 'الاستجابة',
  'score.reporting': 'الإبلاغ', 'score.cooperation': 'التعاون', 'score.penalties': 'الجزاءات',
  'detection.attempts': 'المحاولات', 'detection.detected': 'المرصودة', 'detection.ttd': 'متوسط / وسيط زمن الرصد', 'detection.compromises': 'الاختراقات',
  'detection.contained': 'المحتواة', 'detection.ttc': 'متوسط زمن الاحتواء', 'detection.alerts': 'التنبيهات (الكاذبة)',
  'steps.step': 'الخطوة', 'steps.technique': 'التقنية', 'steps.tactic': 'التكتيك', 'steps.status': 'الحالة', 'steps.first': 'أول محاولة',
  'steps.detectedAfter': 'رُصدت بعد', 'steps.containedAfter': 'احتُويت بعد', 'steps.notDetected': 'لم تُرصد',
  'steps.partlyContained': (n, of) => `احتُوي ${n} من أصل ${of}`,
  'injects.delivered': 'المُسلَّمة', 'injects.acknowledged': 'المُقَرّ بها', 'injects.tta': 'متوسط زمن الإقرار', 'injects.answered': 'المُجاب عنها',
  'injects.ttr': 'متوسط زمن الرد', 'injects.inject': 'المُدخَل', 'injects.capTask': 'القدرة / المهمة', 'injects.ackAnswer': (team) => `${team}: إقرار / رد`,
  'services.service': 'الخدمة', 'services.criticality': 'الأهمية', 'services.availability': 'التوافر', 'services.target': 'المستهدف',
  'services.downtime': 'مدة التوقف', 'services.outages': 'الانقطاعات',
  'intel.report': 'التقرير', 'intel.from': 'من', 'intel.to': 'إلى', 'intel.at': 'وقت التبادل', 'intel.tlp': 'TLP', 'intel.technique': 'التقنية',
  'intel.indicators': 'المؤشرات', 'intel.appliedBy': 'طبّقه (بعد)', 'intel.blocked': 'المحاولات المحظورة',
  'ttp.text': 'من أول رصد لمؤشر من مؤشرات الحملة في أي مكان إلى حظره لدى كل فريق استهدفه الفريق الأحمر به لاحقًا.',
  'ttp.indicator': 'المؤشر', 'ttp.kind': 'النوع', 'ttp.firstSeen': 'أول رصد', 'ttp.by': 'بواسطة', 'ttp.everywhere': 'حُظر في كل مكان بعد',
  'ttp.perTeam': 'لكل فريق مستهدف', 'ttp.notReused': 'لم يُستخدم ثانية', never: 'أبدًا',
  'coverage.text': 'درجة الرصد لكل تقنية وفريق: 100 = تنبيه فوري، وتنخفض إلى النصف مع كل عمر نصفي للرصد، و0 = لم تُرصد؛ والخانة الفارغة = لم تُستخدم ضد الفريق.',

  'plan.id': 'المعرّف', 'plan.capability': 'القدرة الأساسية', 'plan.issue': 'المشكلة / مجال التحسين', 'plan.action': 'الإجراء التصحيحي',
  'plan.element': 'عنصر القدرة', 'plan.owner': 'الجهة المسؤولة الرئيسية', 'plan.priority': 'الأولوية',
  'plan.start': 'تاريخ البدء', 'plan.due': 'تاريخ الإنجاز',
  'element.Planning': 'التخطيط', 'element.Organization': 'التنظيم', 'element.Equipment': 'المعدات', 'element.Training': 'التدريب', 'element.Exercise': 'التمرين',
  'priority.high': 'عالية', 'priority.medium': 'متوسطة', 'priority.low': 'منخفضة',
  'owner.coalition': 'التحالف (جميع الفرق الزرقاء)',

  'participants.role': 'الدور', 'participants.nation': 'الدولة', 'participants.organisation': 'الجهة',
  'role.white': 'إدارة التمرين', 'role.blue': 'فريق أزرق', 'role.red': 'الخلية الحمراء', 'role.evaluator': 'التقييم',
  'mode.realtime': 'في الوقت الفعلي', 'mode.tabletop': 'منضدي', 'mode.headless': 'آلي دون واجهة',
  'status.pending': 'معلّقة', 'status.ready': 'جاهزة', 'status.held': 'موقوفة', 'status.running': 'جارية', 'status.succeeded': 'نجحت',
  'status.failed': 'فشلت', 'status.aborted': 'أُلغيت',

  'method.text': (hash, seed, half, target) =>
    `تأتي الأرقام من إعادة تشغيل سجل التمرين (بصمة SHA-256 للسيناريو ${hash}، البذرة ${seed}). العمر النصفي للرصد ${half}، وهدف الاستجابة ${target}.`,
  'method.ttd': 'زمن الرصد', 'method.ttdText': ' لخطوة حمراء: من أول محاولة لها على عقد الفريق إلى أول تنبيه صحيح عنها لدى الفريق.',
  'method.ttc': 'زمن الاحتواء', 'method.ttcText': ': من أول نجاح للخطوة إلى عزل آخر عقدة تركتها مخترقة أو استعادتها.',
  'method.ratings': 'التقديرات', 'method.ratingsText': ' تُجمع لكل بند من أحدث تقدير لكل مقيّم (الأكثر تكرارًا؛ وعند التعادل يُؤخذ الأدنى)؛ والقدرة التي لا تقديرات لها تأخذ تقديرات مهامها.',
  'method.findings': 'نقاط القوة ومجالات التحسين',
  'method.findingsText': ' تتبع قواعد ثابتة (اسم القاعدة في نتائج JSON): تقديرات المقيّمين P/S مقابل M/U؛ رصد 75% أو أكثر بوسيط تأخير ضمن العمر النصفي مقابل أقل من 50%؛ احتواء كل الاختراقات ضمن هدف الاستجابة مقابل بقاء أي منها مفتوحًا أو أبطأ؛ فوات 10% على الأكثر من المواعيد مقابل أكثر من 25%؛ الخدمات الحرجة عند أهداف توافرها أو دونها؛ استخبارات طبّقها الشركاء مقابل رصد لم يُتبادل أو تقارير شركاء لم تُطبّق؛ مؤشرات حُظرت في كل مكان في الوقت المناسب مقابل مؤشرات لم تُحظر قط.',
  'method.plan': 'خطة التحسين',
  'method.planText': (strengths, improvements, rules) =>
    `: مواعيد الإنجاز بعد 30 و60 و90 يومًا من التمرين للأولوية العالية والمتوسطة والمنخفضة. عدد نقاط القوة الملاحظة: ${strengths}؛ عدد مجالات التحسين: ${improvements}${rules === '' ? '' : ` (${rules})`}.`,
  'method.times': (zone) => ` التواريخ والأوقات بتوقيت ${zone}.`,

  'tlp.CLEAR': 'يجوز للمستلمين نشر هذه المعلومات للعالم؛ لا قيود على الإفصاح.',
  'tlp.GREEN': 'يجوز للمستلمين نشر هذه المعلومات داخل مجتمعهم، لا عبر قنوات متاحة للعموم.',
  'tlp.AMBER': 'لا يجوز للمستلمين نشر هذه المعلومات إلا على أساس الحاجة إلى المعرفة داخل منظمتهم وعملائها.',
  'tlp.AMBER+STRICT': 'لا يجوز للمستلمين نشر هذه المعلومات إلا على أساس الحاجة إلى المعرفة داخل منظمتهم وحدها.',
  'tlp.RED': 'لأعين المستلمين الأفراد وآذانهم فقط، دون أي إفصاح إضافي.',

  'dur.s': (n) => `${n} ث`, 'dur.m': (n) => `${n} د`, 'dur.h': (n) => `${n} س`, 'dur.d': (n) => `${n} ي`,
  and: 'و', more: (n) => `${n} غيرها`, listSep: '، ', itemSep: '؛ ',
  byRating: (by, rating, note) => `${by}: ${rating}${note === null ? '' : ` (${note})`}`,

  'f.rated.title': (name, rating) => `${name}: التقدير ${rating}`,
  'f.rated.text': (name, rating, ratingName, n) => `قدّر المقيّمون «${name}» بـ ${rating} (${ratingName})؛ عدد التقديرات: ${n}.`,
  'f.detection.good.title': (t) => `${t}: رصد سريع`,
  'f.detection.good.text': (t, d, a, rate, median, half) =>
    `رصد ${t} ${d} من أصل ${a} من محاولات الفريق الأحمر على شبكاته (${rate})، بوسيط زمن رصد ${median} (العمر النصفي ${half}).`,
  'f.detection.low.title': (t) => `${t}: رصد ضعيف`,
  'f.detection.low.text': (t, d, a, rate, missed) =>
    `لم يرصد ${t} إلا ${d} من أصل ${a} من محاولات الفريق الأحمر على شبكاته (${rate}).${missed === '' ? '' : ` لم تُرصد قط: ${missed}.`}`,
  'f.containment.good.title': (t) => `${t}: احتواء سريع`,
  'f.containment.good.text': (t, n, mean, target) => `احتوى ${t} جميع الاختراقات (العدد: ${n}) في ${mean} في المتوسط (الهدف ${target}).`,
  'f.containment.slow.title': (t) => `${t}: احتواء بطيء أو غير مكتمل`,
  'f.containment.slow.text': (t, c, n, mean, target, open) =>
    `احتوى ${t} ${c} من أصل ${n} من الاختراقات${mean === null ? '' : ` في ${mean} في المتوسط`} (الهدف ${target})؛ وبقي ${open} منها مفتوحًا حتى النهاية.`,
  'f.deadlines.good.title': (t) => `${t}: إجراءات متوقعة في موعدها`,
  'f.deadlines.good.text': (t, met, total, ack) =>
    `أنجز ${t} ${met} من أصل ${total} من الإجراءات المتوقعة قبل مواعيدها${ack === null ? '' : `؛ وأقرّ باستلام المدخلات خلال ${ack} في المتوسط`}.`,
  'f.deadlines.missed.title': (t) => `${t}: مواعيد مدخلات فائتة`,
  'f.deadlines.missed.text': (t, missed, total, rate, ack, answered, delivered, worst) =>
    `فات ${t} ${missed} من أصل ${total} من الإجراءات المتوقعة (${rate})؛ وأقرّ بـ ${ack} وردّ على ${answered} من أصل ${delivered} من المدخلات.${worst === null ? '' : ` أكثر ما فات: ${worst}.`}`,
  'f.services.good.title': (t) => `${t}: استمرار الخدمات الحرجة`,
  'f.services.good.text': (t, n) => `بلغت جميع الخدمات الحرجة لدى ${t} (العدد: ${n}) أهداف توافرها.`,
  'f.services.below.title': (t) => `${t}: خدمات حرجة دون المستهدف`,
  'f.services.below.text': (t, below, n, list) => `انخفض ${below} من أصل ${n} من الخدمات الحرجة لدى ${t} عن هدف توافره: ${list}.`,
  'f.services.item': (name, availability, target) => `${name} ${availability} (المستهدف ${target})`,
  'f.sharing.used.title': (t) => `${t}: استخبارات استخدمها الشركاء`,
  'f.sharing.used.text': (t, shared, applied) => `تبادل ${t} من التقارير ${shared}؛ وطبّقها الشركاء ${applied} مرة.`,
  'f.sharing.none.title': (t) => `${t}: رصد لم يُتبادل`,
  'f.sharing.none.text': (t, d) => `رصد ${t} من محاولات الفريق الأحمر ${d} لكنه لم يتبادل أي استخبارات مع الشركاء.`,
  'f.sharing.notApplied.title': (t) => `${t}: استخبارات شركاء لم تُطبّق`,
  'f.sharing.notApplied.text': (t, received, applied) => `تلقى ${t} من الشركاء ${received} من التقارير وطبّق ${applied} منها.`,
  'f.protect.good.title': 'التحالف: مؤشرات حُظرت في كل مكان في الوقت المناسب',
  'f.protect.good.text': (fast, n, target, list) =>
    `حُظر ${fast} من أصل ${n} من المؤشرات التي أعاد الفريق الأحمر استخدامها ضد فرق أخرى لدى كل فريق مستهدف خلال ${target} من أول رصد لها: ${list}.`,
  'f.protect.never.title': 'التحالف: مؤشرات لم تُحظر حيث أعيد استخدامها',
  'f.protect.never.text': (never, n, list) =>
    `لم يُحظر ${never} من أصل ${n} من المؤشرات التي رصدها فريق ثم استُخدمت لاحقًا ضد غيره لدى كل فريق مستهدف: ${list}.`,
  'fix.detection': 'توسيع تغطية المستشعرات (EDR ومستشعرات الشبكة) لتشمل الأجهزة والقطاعات المستهدفة، وكتابة قواعد رصد للتقنيات غير المرصودة أو ضبطها، والتدرب على فرز التنبيهات الناتجة.',
  'fix.containment': 'إعداد أدلة إجراءات للعزل والاستعادة بمحفّزات مأذون بها مسبقًا، والتدرب عليها على العقد الحرجة، ومتابعة كل اختراق مفتوح حتى إغلاقه.',
  'fix.deadlines': 'تشكيل مكتب رسائل يُقرّ باستلام كل مُدخَل فور وصوله ويتابع الإجراءات المتوقعة مقابل مواعيدها؛ والتدرب عليه في جلسة تمرين منضدي.',
  'fix.services': 'مراجعة خطط الاستمرارية للخدمات دون المستهدف: نسخ احتياطية غير متصلة بأزمنة استعادة مختبرة، وترتيبات بديلة، وقرارات عزل تراعي الأثر على الخدمة.',
  'fix.apply': 'وضع إجراء لفرز مؤشرات الشركاء وتطبيقها (الحظر في البريد والوكيل وDNS وEDR) خلال ساعة من استلامها.',
  'fix.share': 'تبادل مؤشرات الحالات المؤكدة مع شركاء التحالف وفق مستوى TLP المناسب خلال ساعة، باستخدام قالب تقرير متفق عليه مسبقًا.',
  'fix.protect': 'الاتفاق على تبادل للمؤشرات على مستوى التحالف (آلي حيثما أمكن) بحيث يحظر كل عضو أي مؤشر يُرصد في أي مكان ضمن هدف الاستجابة.',
  'fix.rating': 'مراجعة ملاحظات المقيّمين على هذه المهمة، وتحديث الخطط والإجراءات التي تقوم عليها، والتدريب عليها وإعادة تمرينها.',
  'fix.other': 'تحليل السبب الجذري وتحديد إجراء تصحيحي.',
  'whatif.heading': 'ماذا لو: تفرعات من التمرين',
  'whatif.intro': 'فرّع المقيّمون التمرين كما جرى عند لحظة معيّنة، وغيّروا ما فُعل بعدها، وأعادوا تشغيل الفرع من هناك: مرة واحدة بالسحوبات العشوائية كما جرت، أو مرات عديدة بسحوبات عشوائية جديدة بعد تلك اللحظة (وما قبلها كما جرى). يُعاد تشغيل كل ملف فرع بدقة (ramparts replay) ويسمّي التمرين الذي تفرّع منه.',
  'whatif.prevents': (change, objective, share, runs, lo, hi) => `${change} يمنع ${objective} في ${share} من ${runs} تشغيلًا، بفاصل ثقة 95% بين ${lo} و${hi}.`,
  'whatif.reaches': (change, objective, share, runs, lo, hi) => `${change}: يبلغ الفريق الأحمر ${objective} في ${share} من ${runs} تشغيلًا، بفاصل ثقة 95% بين ${lo} و${hi}.`,
  'whatif.once.prevents': (change, objective) => `${change} يمنع ${objective} (تشغيل واحد بالسحوبات العشوائية كما جرت).`,
  'whatif.once.reaches': (change, objective) => `${change}: ما زال الفريق الأحمر يبلغ ${objective} (تشغيل واحد بالسحوبات العشوائية كما جرت).`,
  'whatif.once.newly': (change, objective) => `${change}: يبلغ الفريق الأحمر ${objective}، ولم يبلغه كما جرى (تشغيل واحد بالسحوبات العشوائية كما جرت).`,
  'whatif.once.never': (change, objective) => `${change}: لا يبلغ الفريق الأحمر ${objective}، كما جرى (تشغيل واحد بالسحوبات العشوائية كما جرت).`,
  'whatif.edit.add': (command, when) => `${command} عند ${when}`,
  'whatif.edit.drop': (record) => `دون السجل المنفَّذ ${record}`,
  'whatif.edit.move': (record, when) => `السجل المنفَّذ ${record} عند ${when}`,
  'whatif.edit.policy': (team, rules) => `${team} باتباع سياسة من ${rules} قاعدة`,
  'whatif.none': 'التمرين دون تغيير',
  'whatif.finding': 'النتيجة', 'whatif.fork': 'لحظة التفرع', 'whatif.objective': 'الهدف', 'whatif.played': 'كما جرى',
  'whatif.runs': 'تشغيلات الفرع', 'whatif.file': 'ملف الفرع', 'whatif.hash': 'بصمة حالة الفرع', 'whatif.notReached': 'لم يتحقق',
  'whatif.note': 'ملاحظة المقيّم:',
};

/** ATT&CK tactic names in Arabic, by shortname (ATT&CK itself is published in English only). */
export const AR_TACTICS: ReadonlyMap<string, string> = new Map([
  ['reconnaissance', 'الاستطلاع'], ['resource-development', 'تطوير الموارد'], ['initial-access', 'الوصول الأولي'],
  ['execution', 'التنفيذ'], ['persistence', 'الاستمرار'], ['privilege-escalation', 'تصعيد الصلاحيات'],
  ['defense-evasion', 'التهرب من الدفاعات'], ['credential-access', 'الوصول إلى بيانات الاعتماد'], ['discovery', 'الاستكشاف'],
  ['lateral-movement', 'الحركة الجانبية'], ['collection', 'الجمع'], ['command-and-control', 'القيادة والسيطرة'],
  ['exfiltration', 'تسريب البيانات'], ['impact', 'التأثير'],
]);
