// biome-ignore-all format: a table, one entry a line so that it reads as one
/**
 * The per-nation MSEL of the stress scenario as templates: who sends what, on which trigger, what is
 * expected and which capability it evaluates. Placeholders: {N} nation name, {sender}, {scanner}, {c2}.
 */
import type { ChannelT } from '../../engine/index.ts';

export type Trigger =
  | { at: number }
  | { step: string; on: 'succeeded' | 'detected'; delay?: string }
  | { notAnswered: string; within: string }
  | { notAcknowledged: string; within: string }
  | { scoreBelow: number; at: number }
  | { nodeState: string; state: 'compromised' | 'exfiltrated' | 'encrypted' | 'wiped'; delay?: string }
  | { all: 'impact-unanswered' }
  | { any: string[] };

export interface Template {
  key: string;
  title: [en: string, ar: string, fr: string];
  content: [en: string, ar: string];
  channel: ChannelT;
  from: [en: string, ar: string];
  tlp?: 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER+STRICT' | 'RED';
  priority?: 'routine' | 'priority' | 'immediate' | 'flash';
  type?: 'contingency' | 'expected-action';
  expects: [action: string, within: string][];
  evaluates: [capability: string, task: string];
  /** Offsets: `start` and `impact` are the nation's chain start and detonation (ms). */
  trigger: (t: { start: number; impact: number }) => Trigger;
}

const H = 3_600_000;
const M = 60_000;
const SOC: [string, string] = ['National SOC', 'مركز العمليات الأمنية الوطني'];
const ISAC: [string, string] = ['Coalition ISAC duty analyst', 'المحلل المناوب في مركز تبادل المعلومات للتحالف'];
const EXCON: [string, string] = ['Exercise control', 'إدارة التمرين'];

export const TEMPLATES: Template[] = [
  { key: 'advisory', title: ['ISAC advisory: spearphishing wave in your sector', 'تنبيه من مركز تبادل المعلومات: موجة تصيّد موجّه في قطاعكم', 'Alerte ISAC : vague d\'hameçonnage ciblé dans votre secteur'],
    content: ['Partners report a spearphishing wave from **{sender}** carrying a macro document. Block the sender and search your mail logs for the last 14 days.',
      'أبلغ الشركاء عن موجة تصيّد موجّه من **{sender}** تحمل مستندًا بوحدات ماكرو. احظروا المرسل وابحثوا في سجلات البريد عن الأيام الأربعة عشر الماضية.'],
    channel: 'intel-feed', from: ISAC, tlp: 'AMBER', priority: 'priority', expects: [['acknowledge', '30m'], ['block-indicator', '1h']], evaluates: ['intel-sharing', 'iis-apply'],
    trigger: ({ start }) => ({ at: Math.max(0, start - 15 * M) }) },
  { key: 'patch', title: ['Vendor notice: Citrix Bleed exploited in the wild', 'إشعار المورّد: استغلال نشط لثغرة Citrix Bleed', 'Avis éditeur : Citrix Bleed activement exploitée'],
    content: ['Patch NetScaler gateways against CVE-2023-4966 and kill every active session: stolen session tokens survive the patch. Exploitation comes from **{scanner}**.',
      'صحّحوا بوابات NetScaler ضد الثغرة CVE-2023-4966 وأنهوا جميع الجلسات النشطة، فرموز الجلسات المسروقة تبقى صالحة بعد التصحيح. يأتي الاستغلال من العنوان **{scanner}**.'],
    channel: 'intel-feed', from: ['Vendor PSIRT', 'فريق الاستجابة الأمنية لدى المورّد'], tlp: 'CLEAR', priority: 'priority', expects: [['patch', '4h']], evaluates: ['cybersecurity', 'cyber-harden'],
    trigger: ({ start }) => ({ at: start + H }) },
  { key: 'ministry', title: ['Ministry duty officer asks for a threat assessment', 'الضابط المناوب في الوزارة يطلب تقييمًا للتهديد', 'L\'officier de permanence du ministère demande une évaluation'],
    content: ['The Minister\'s office has seen partner reports of intrusions and asks whether {N}\'s critical services are at risk today. Answer within the hour.',
      'اطّلع مكتب الوزير على تقارير الشركاء عن اختراقات، ويسأل عمّا إذا كانت الخدمات الحرجة في {N} معرضة للخطر اليوم. يُرجى الرد خلال ساعة.'],
    channel: 'phone', from: ['Ministry duty officer', 'الضابط المناوب في الوزارة'], tlp: 'AMBER', priority: 'priority', expects: [['respond-inject', '1h']], evaluates: ['op-coordination', 'opco-sitrep'],
    trigger: ({ start }) => ({ at: start + 3 * H }) },
  { key: 'press', title: ['Journalist asks about cyberattacks on {N}', 'صحفي يسأل عن هجمات سيبرانية على {N}', 'Un journaliste interroge sur des cyberattaques contre {N}'],
    content: ['A reporter has a source claiming that government e-mail in {N} was hacked and wants an on-the-record comment before the evening bulletin.',
      'لدى مراسل مصدر يدّعي اختراق البريد الحكومي في {N}، ويطلب تصريحًا رسميًا قبل النشرة المسائية.'],
    channel: 'news', from: ['Regional news agency', 'وكالة أنباء إقليمية'], tlp: 'CLEAR', priority: 'routine', expects: [['respond-inject', '2h']], evaluates: ['public-info', 'pio-statement'],
    trigger: ({ start }) => ({ at: start + 5 * H }) },
  { key: 'staffing', title: ['Crisis committee: night and weekend staffing', 'لجنة الأزمات: المناوبات الليلية وفي عطلة نهاية الأسبوع', 'Cellule de crise : permanences de nuit et du week-end'],
    content: ['Confirm who is on call tonight for cyber incidents affecting the grid, the payment switch and government services.',
      'أكّدوا من المناوب الليلة للحوادث السيبرانية التي تمس شبكة الكهرباء ومحوّل المدفوعات والخدمات الحكومية.'],
    channel: 'email', from: ['National crisis committee', 'اللجنة الوطنية لإدارة الأزمات'], tlp: 'GREEN', priority: 'routine', expects: [['respond-inject', '2h']], evaluates: ['op-coordination', 'opco-activate'],
    trigger: () => ({ at: 12 * H }) },
  { key: 'precheck', title: ['Payment switch: pre-settlement integrity check', 'محوّل المدفوعات: فحص السلامة قبل التسوية', 'Commutateur de paiement : contrôle avant règlement'],
    content: ['Before the settlement run, confirm that your national payment switch shows no unexplained administrator logons and that its offline backup is less than 24 hours old.',
      'أكّدوا قبل دورة التسوية أن محوّل المدفوعات الوطني لديكم لا يُظهر عمليات دخول غير مبررة بحسابات المسؤولين وأن عمر نسخته الاحتياطية غير المتصلة أقل من 24 ساعة.'],
    channel: 'ticket', from: ['Payment switch operator', 'مشغّل محوّل المدفوعات'], tlp: 'GREEN', priority: 'priority', expects: [['respond-inject', '2h']], evaluates: ['infrastructure', 'infra-continuity'],
    trigger: ({ impact }) => ({ at: impact - 4 * H }) },
  { key: 'recovery', title: ['Recovery priorities for the next 24 hours', 'أولويات التعافي للساعات الأربع والعشرين القادمة', 'Priorités de reprise pour les prochaines 24 heures'],
    content: ['List the services you will restore first, from which backups, and what help you need from partners.',
      'حدّدوا الخدمات التي ستستعيدونها أولًا، ومن أي نسخ احتياطية، والمساعدة التي تحتاجونها من الشركاء.'],
    channel: 'email', from: ['Recovery coordination cell', 'خلية تنسيق التعافي'], tlp: 'AMBER', priority: 'priority', expects: [['restore-backup', '8h'], ['sitrep', '2h']], evaluates: ['infrastructure', 'infra-restore'],
    trigger: ({ impact }) => ({ at: impact + 6 * H }) },
  { key: 'final', title: ['Final situation report due', 'موعد تقديم تقرير الوضع النهائي', 'Compte rendu de situation final attendu'],
    content: ['Submit your final situation report: systems still down, indicators shared and received, assistance given and received.',
      'قدّموا تقرير الوضع النهائي: الأنظمة التي ما زالت متوقفة، والمؤشرات التي شاركتموها وتلقيتموها، والمساعدة التي قدمتموها وتلقيتموها.'],
    channel: 'briefing', from: EXCON, tlp: 'GREEN', priority: 'routine', expects: [['acknowledge', '15m'], ['sitrep', '1h']], evaluates: ['op-coordination', 'opco-sitrep'],
    trigger: () => ({ at: 45 * H }) },
  // Detection-driven: arrive when the team's own sensors saw the step.
  { key: 'soc-phish', title: ['SOC: macro document from a fake sender', 'مركز العمليات: مستند بوحدات ماكرو من مرسل مزيف', 'SOC : document à macros d\'un faux expéditeur'],
    content: ['Endpoint alerts: a macro document from **{sender}** spawned PowerShell. Isolate the hosts and share the indicators.',
      'تنبيهات على الأجهزة الطرفية: مستند بوحدات ماكرو من **{sender}** شغّل PowerShell. اعزلوا الأجهزة وشاركوا المؤشرات.'],
    channel: 'ticket', from: SOC, tlp: 'AMBER', priority: 'immediate', expects: [['isolate', '30m'], ['share-intel', '1h'], ['respond-inject', '1h']], evaluates: ['intel-sharing', 'iis-share'],
    trigger: () => ({ step: 'phish', on: 'detected' }) },
  { key: 'soc-vpn', title: ['IDS: exploitation attempts on the NetScaler gateway', 'كشف التسلل: محاولات استغلال على بوابة NetScaler', 'IDS : tentatives d\'exploitation sur la passerelle NetScaler'],
    content: ['Requests matching CVE-2023-4966 from **{scanner}**. Check the gateway\'s version and its active sessions.', 'طلبات تطابق الثغرة CVE-2023-4966 من **{scanner}**. تحققوا من إصدار البوابة ومن جلساتها النشطة.'],
    channel: 'ticket', from: SOC, tlp: 'AMBER', priority: 'immediate', expects: [['block-indicator', '30m'], ['patch', '2h']], evaluates: ['cybersecurity', 'cyber-harden'],
    trigger: () => ({ step: 'vpn', on: 'detected' }) },
  { key: 'soc-c2', title: ['NDR: beaconing to a known C2 domain', 'الكشف الشبكي: اتصالات منتظمة بنطاق تحكم معروف', 'NDR : balises vers un domaine C2 connu'],
    content: ['Hosts resolve **{c2}** every 60 seconds. Block it and tell your partners.', 'تستعلم أجهزة عن النطاق **{c2}** كل 60 ثانية. احظروه وأبلغوا شركاءكم.'],
    channel: 'ticket', from: SOC, tlp: 'AMBER', priority: 'immediate', expects: [['block-indicator', '30m'], ['share-intel', '1h']], evaluates: ['intel-sharing', 'iis-share'],
    trigger: () => ({ step: 'c2', on: 'detected' }) },
  { key: 'soc-creds', title: ['EDR: LSASS memory read by an unsigned tool', 'الحماية الطرفية: قراءة ذاكرة LSASS بأداة غير موقّعة', 'EDR : lecture de la mémoire LSASS par un outil non signé'],
    content: ['Credential theft on a compromised workstation. Assume every password cached on it is stolen.', 'سرقة بيانات اعتماد على حاسوب مخترق. افترضوا أن كل كلمات المرور المخزنة عليه مسروقة.'],
    channel: 'ticket', from: SOC, tlp: 'AMBER', priority: 'immediate', expects: [['reset-credentials', '2h'], ['isolate', '1h']], evaluates: ['cybersecurity', 'cyber-eradicate'],
    trigger: () => ({ step: 'creds', on: 'detected' }) },
  { key: 'soc-dc', title: ['Domain controller: admin logon from a workstation', 'وحدة التحكم بالنطاق: دخول بحساب مسؤول من حاسوب مستخدم', 'Contrôleur de domaine : connexion admin depuis un poste'],
    content: ['A domain admin account logged on to the domain controller over SMB from a user workstation.', 'سجّل حساب مسؤول النطاق الدخول إلى وحدة التحكم بالنطاق عبر SMB من حاسوب مستخدم.'],
    channel: 'ticket', from: SOC, tlp: 'AMBER', priority: 'flash', expects: [['reset-credentials', '2h'], ['hunt', '1h']], evaluates: ['cybersecurity', 'cyber-detect'],
    trigger: () => ({ step: 'dc', on: 'detected' }) },
  { key: 'soc-spread', title: ['Same binary copied to dozens of hosts over ADMIN$', 'نسخ الملف التنفيذي نفسه إلى عشرات الأجهزة عبر ADMIN$', 'Même binaire copié sur des dizaines d\'hôtes via ADMIN$'],
    content: ['The same executable appeared on many servers and workstations within an hour. Hunt for it everywhere.', 'ظهر الملف التنفيذي نفسه على عدد كبير من الخوادم والحواسيب خلال ساعة. ابحثوا عنه في كل مكان.'],
    channel: 'ticket', from: SOC, tlp: 'AMBER', priority: 'immediate', expects: [['hunt', '1h'], ['block-indicator', '30m']], evaluates: ['cybersecurity', 'cyber-detect'],
    trigger: () => ({ step: 'spread-corp', on: 'detected' }) },
  { key: 'soc-dc-spread', title: ['Data centre: lateral movement towards critical servers', 'مركز البيانات: تنقل أفقي نحو الخوادم الحرجة', 'Centre de données : mouvement latéral vers les serveurs critiques'],
    content: ['WinRM sessions from a compromised account reached data-centre servers. Contain before the crown-jewel databases are touched.',
      'وصلت جلسات WinRM من حساب مخترق إلى خوادم مركز البيانات. احتووا الوضع قبل الوصول إلى قواعد البيانات الأكثر حساسية.'],
    channel: 'ticket', from: SOC, tlp: 'AMBER', priority: 'flash', expects: [['isolate', '30m'], ['hunt', '1h']], evaluates: ['cybersecurity', 'cyber-contain'],
    trigger: () => ({ step: 'spread-dc', on: 'detected' }) },
  { key: 'soc-persist', title: ['New auto-start service on many hosts', 'خدمة جديدة تبدأ تلقائيًا على أجهزة عديدة', 'Nouveau service à démarrage automatique sur de nombreux hôtes'],
    content: ['A new service was installed on many hosts by the same account. Hosts carrying it will be hit when the attacker strikes.', 'ثُبّتت خدمة جديدة على أجهزة عديدة بالحساب نفسه، وستُصاب الأجهزة التي تحملها عندما يضرب المهاجم.'],
    channel: 'ticket', from: SOC, tlp: 'AMBER', priority: 'flash', expects: [['hunt', '1h'], ['isolate', '2h'], ['share-intel', '1h']], evaluates: ['cybersecurity', 'cyber-contain'],
    trigger: () => ({ step: 'persist', on: 'detected' }) },
  { key: 'soc-exfil', title: ['Large outbound transfer from a crown-jewel database', 'نقل صادر كبير من قاعدة بيانات بالغة الحساسية', 'Transfert sortant massif depuis une base critique'],
    content: ['Several gigabytes left a critical database towards **{c2}**.', 'غادرت عدة غيغابايتات قاعدة بيانات حرجة باتجاه **{c2}**.'],
    channel: 'ticket', from: SOC, tlp: 'AMBER', priority: 'flash', expects: [['isolate', '30m'], ['collect-forensics', '2h']], evaluates: ['cybersecurity', 'cyber-detect'],
    trigger: () => ({ step: 'exfil', on: 'detected' }) },
  { key: 'soc-impact', title: ['Mass outage: machines wiped or encrypted', 'انقطاع واسع: أجهزة ممسوحة أو مشفّرة', 'Panne massive : machines effacées ou chiffrées'],
    content: ['Hundreds of machines rebooted into an error or show a ransom note. Critical services are down.', 'أُعيد تشغيل مئات الأجهزة إلى رسالة خطأ أو تعرض مذكرة فدية، والخدمات الحرجة متوقفة.'],
    channel: 'ticket', from: SOC, tlp: 'AMBER', priority: 'flash', expects: [['sitrep', '30m'], ['isolate', '1h'], ['request-assistance', '2h']], evaluates: ['infrastructure', 'infra-restore'],
    trigger: () => ({ step: 'impact', on: 'detected' }) },
  // Ground-truth triggers: third parties who see what the team's own sensors missed.
  { key: 'vendor-moveit', title: ['Vendor: MOVEit data theft at your organisation', 'المورّد: سرقة بيانات عبر MOVEit لديكم', 'Éditeur : vol de données via MOVEit chez vous'],
    content: ['A vendor scanning campaign shows that your MOVEit server was exploited and files were downloaded.', 'تُظهر حملة فحص أجراها المورّد أن خادم MOVEit لديكم استُغل وجرى تنزيل ملفات منه.'],
    channel: 'email', from: ['Vendor incident response', 'فريق الاستجابة للحوادث لدى المورّد'], tlp: 'AMBER', priority: 'immediate', expects: [['collect-forensics', '2h'], ['patch', '2h']], evaluates: ['cybersecurity', 'cyber-detect'],
    trigger: () => ({ step: 'moveit', on: 'succeeded', delay: '3h' }) },
  { key: 'isac-sinkhole', title: ['ISAC: your address space talks to campaign C2', 'مركز تبادل المعلومات: عناوينكم تتصل بخادم تحكم تابع للحملة', 'ISAC : votre plage d\'adresses contacte le C2 de la campagne'],
    content: ['Sinkhole data shows hosts in {N}\'s address space contacting **{c2}**.', 'تُظهر بيانات الإغراق أن أجهزة ضمن عناوين {N} تتصل بالنطاق **{c2}**.'],
    channel: 'intel-feed', from: ISAC, tlp: 'AMBER', priority: 'immediate', expects: [['hunt', '2h'], ['block-indicator', '1h']], evaluates: ['intel-sharing', 'iis-apply'],
    trigger: () => ({ step: 'c2', on: 'succeeded', delay: '2h' }) },
  { key: 'leak', title: ['Leak site lists data from {N}', 'موقع تسريب يعرض بيانات من {N}', 'Un site de fuite publie des données de {N}'],
    content: ['A leak site posts a sample of records stolen from a {N} government database.', 'ينشر موقع تسريب عينة من سجلات مسروقة من قاعدة بيانات حكومية في {N}.'],
    channel: 'social-media', from: ['Dark web monitoring', 'رصد الشبكة المظلمة'], tlp: 'AMBER', priority: 'immediate', expects: [['respond-inject', '2h'], ['sitrep', '2h']], evaluates: ['public-info', 'pio-rumour'],
    trigger: () => ({ step: 'exfil', on: 'succeeded', delay: '4h' }) },
  { key: 'minister', title: ['Minister: critical services down', 'الوزير: توقف الخدمات الحرجة', 'Ministre : services critiques à l\'arrêt'],
    content: ['The Minister needs to know which services are down, for how long, and whether the attack is over.', 'يحتاج الوزير إلى معرفة الخدمات المتوقفة، ومدة توقفها، وما إذا كان الهجوم قد انتهى.'],
    channel: 'phone', from: ['Office of the Minister', 'مكتب الوزير'], tlp: 'AMBER', priority: 'flash', expects: [['sitrep', '30m'], ['respond-inject', '1h']], evaluates: ['op-coordination', 'opco-sitrep'],
    trigger: () => ({ step: 'impact', on: 'succeeded', delay: '15m' }) },
  { key: 'grid-room', title: ['Grid control room: historian down, operators blind', 'غرفة التحكم في الشبكة: توقف المؤرخ والمشغلون بلا رؤية', 'Salle de conduite : historien arrêté, opérateurs aveugles'],
    content: ['Historian data stopped. Operators switch to manual readings from substations.', 'توقفت بيانات المؤرخ، ويتحول المشغلون إلى القراءات اليدوية من المحطات الفرعية.'],
    channel: 'radio', from: ['Grid control room supervisor', 'مشرف غرفة التحكم في الشبكة'], tlp: 'AMBER', priority: 'flash', expects: [['sitrep', '30m'], ['request-assistance', '1h']], evaluates: ['infrastructure', 'infra-continuity'],
    trigger: () => ({ step: 'ot-stop', on: 'succeeded', delay: '5m' }) },
  { key: 'backups-gone', title: ['Backup repository wiped', 'مسح مستودع النسخ الاحتياطية', 'Dépôt de sauvegarde effacé'],
    content: ['Restore points were deleted and the repository formatted. Only offline copies remain.', 'حُذفت نقاط الاستعادة وهُيّئ المستودع، ولم تتبقَّ إلا النسخ غير المتصلة.'],
    channel: 'ticket', from: ['Backup administrator', 'مسؤول النسخ الاحتياطي'], tlp: 'AMBER', priority: 'flash', expects: [['restore-backup', '6h'], ['request-assistance', '2h']], evaluates: ['infrastructure', 'infra-restore'],
    trigger: () => ({ step: 'inhibit', on: 'succeeded', delay: '30m' }) },
  { key: 'cloud-signin', title: ['Cloud provider: impossible-travel sign-ins', 'مزوّد الخدمة السحابية: عمليات دخول متزامنة من مواقع متباعدة', 'Fournisseur cloud : connexions à voyage impossible'],
    content: ['Administrator sign-ins to the government tenant from two continents within ten minutes.', 'عمليات دخول بحساب مسؤول إلى المستأجر الحكومي من قارتين خلال عشر دقائق.'],
    channel: 'email', from: ['Cloud provider security team', 'فريق الأمن لدى مزوّد الخدمة السحابية'], tlp: 'AMBER', priority: 'immediate', expects: [['reset-credentials', '1h']], evaluates: ['cybersecurity', 'cyber-eradicate'],
    trigger: () => ({ step: 'cloud', on: 'succeeded', delay: '1h' }) },
  // Escalations.
  { key: 'esc-ministry', title: ['Escalation: the Minister is waiting', 'تصعيد: الوزير ينتظر', 'Relance : le ministre attend'],
    content: ['No answer yet. The Minister briefs the cabinet in thirty minutes.', 'لم يصل أي رد بعد، وسيُطلع الوزير مجلس الوزراء خلال ثلاثين دقيقة.'],
    channel: 'phone', from: ['Chief of staff to the Minister', 'مدير مكتب الوزير'], tlp: 'AMBER', priority: 'flash', type: 'contingency', expects: [['respond-inject', '30m']], evaluates: ['op-coordination', 'opco-sitrep'],
    trigger: () => ({ notAnswered: 'ministry', within: '1h' }) },
  { key: 'esc-press', title: ['Press publishes: government silent on hacking reports', 'الصحافة تنشر: صمت حكومي إزاء تقارير الاختراق', 'La presse publie : silence du gouvernement'],
    content: ['The story ran without a government comment and is spreading on social media.', 'نُشر الخبر دون تعليق حكومي، وهو ينتشر على وسائل التواصل الاجتماعي.'],
    channel: 'news', from: ['Regional news agency', 'وكالة أنباء إقليمية'], tlp: 'CLEAR', priority: 'priority', type: 'contingency', expects: [['respond-inject', '1h']], evaluates: ['public-info', 'pio-statement'],
    trigger: () => ({ notAnswered: 'press', within: '2h' }) },
  { key: 'esc-switch', title: ['Switch operator: your switch will run in stand-in mode', 'مشغّل المحوّل: سيعمل محوّلكم في وضع المعالجة البديلة', 'Opérateur : votre commutateur passera en mode dégradé'],
    content: ['Without your confirmation, your banks settle tonight in stand-in mode with reduced limits.', 'من دون تأكيدكم ستُجري بنوككم التسوية الليلة في وضع المعالجة البديلة بسقوف مخفّضة.'],
    channel: 'phone', from: ['Payment switch operator CEO', 'الرئيس التنفيذي لمشغّل محوّل المدفوعات'], tlp: 'GREEN', priority: 'immediate', type: 'contingency', expects: [['respond-inject', '30m']], evaluates: ['infrastructure', 'infra-continuity'],
    trigger: () => ({ notAnswered: 'precheck', within: '2h' }) },
  { key: 'esc-phish', title: ['CISO: why is the phishing ticket still open?', 'مدير أمن المعلومات: لماذا لا يزال بلاغ التصيّد مفتوحًا؟', 'RSSI : pourquoi le ticket d\'hameçonnage est-il encore ouvert ?'],
    content: ['The SOC ticket on the macro document has had no answer for an hour.', 'لم يُرد على بلاغ مركز العمليات بشأن المستند ذي وحدات الماكرو منذ ساعة.'],
    channel: 'phone', from: ['Chief information security officer', 'مدير أمن المعلومات'], tlp: 'AMBER', priority: 'immediate', type: 'contingency', expects: [['respond-inject', '30m']], evaluates: ['op-coordination', 'opco-sitrep'],
    trigger: () => ({ notAnswered: 'soc-phish', within: '1h' }) },
  { key: 'esc-staffing', title: ['Crisis committee reminder', 'تذكير من لجنة الأزمات', 'Rappel de la cellule de crise'],
    content: ['The committee still has no on-call name for tonight.', 'لم يصل اللجنة بعد اسم المناوب لهذه الليلة.'],
    channel: 'email', from: ['National crisis committee', 'اللجنة الوطنية لإدارة الأزمات'], tlp: 'GREEN', priority: 'priority', type: 'contingency', expects: [['respond-inject', '1h']], evaluates: ['op-coordination', 'opco-activate'],
    trigger: () => ({ notAnswered: 'staffing', within: '3h' }) },
  { key: 'ack-advisory', title: ['Acknowledge the ISAC advisory', 'أقرّوا باستلام تنبيه مركز تبادل المعلومات', 'Accusez réception de l\'alerte ISAC'],
    content: ['Exercise control has no acknowledgement of the ISAC advisory from your seat.', 'لم تتلقَّ إدارة التمرين إقرارًا من مقعدكم باستلام تنبيه مركز تبادل المعلومات.'],
    channel: 'chat', from: EXCON, type: 'contingency', expects: [['acknowledge', '15m']], evaluates: ['intel-sharing', 'iis-apply'],
    trigger: () => ({ notAcknowledged: 'advisory', within: '1h' }) },
  { key: 'ack-final', title: ['Acknowledge the final report request', 'أقرّوا باستلام طلب التقرير النهائي', 'Accusez réception de la demande de compte rendu final'],
    content: ['Exercise control has no acknowledgement of the final report request.', 'لم تتلقَّ إدارة التمرين إقرارًا باستلام طلب التقرير النهائي.'],
    channel: 'chat', from: EXCON, type: 'contingency', expects: [['acknowledge', '10m']], evaluates: ['op-coordination', 'opco-sitrep'],
    trigger: () => ({ notAcknowledged: 'final', within: '30m' }) },
  { key: 'hint', title: ['Controller hint: review your alert queue', 'تلميح من المراقب: راجعوا قائمة التنبيهات', 'Conseil de l\'animation : revoyez vos alertes'],
    content: ['Your score is falling. Sort your alerts by severity and look for the campaign\'s C2 domain **{c2}**.', 'درجتكم في تراجع. رتّبوا التنبيهات حسب الخطورة وابحثوا عن نطاق التحكم **{c2}** التابع للحملة.'],
    channel: 'chat', from: EXCON, type: 'contingency', expects: [['hunt', '1h']], evaluates: ['cybersecurity', 'cyber-detect'],
    trigger: ({ start }) => ({ scoreBelow: 50, at: start + 4 * H }) },
  { key: 'partner-offer', title: ['A partner offers a rapid response team', 'شريك يعرض فريق استجابة سريعة', 'Un partenaire propose une équipe d\'intervention rapide'],
    content: ['A coalition partner has a rapid response team on standby for you. Request it formally if you need it.', 'لدى أحد شركاء التحالف فريق استجابة سريعة جاهز لمساعدتكم. اطلبوه رسميًا إن احتجتم إليه.'],
    channel: 'briefing', from: ['Coalition coordination cell', 'خلية التنسيق في التحالف'], tlp: 'GREEN', priority: 'priority', type: 'contingency', expects: [['request-assistance', '1h']], evaluates: ['op-coordination', 'opco-assist'],
    trigger: ({ start }) => ({ scoreBelow: 30, at: start + 8 * H }) },
  { key: 'tip-dc', title: ['Partner intelligence: your domain credentials are for sale', 'معلومات من شريك: بيانات اعتماد نطاقكم معروضة للبيع', 'Renseignement partenaire : vos identifiants de domaine sont en vente'],
    content: ['A partner service has seen administrator credentials of {N}\'s government domain offered on a criminal forum.', 'رصدت جهة شريكة عرض بيانات اعتماد مسؤولين في النطاق الحكومي لـ{N} للبيع في منتدى إجرامي.'],
    channel: 'email', from: ['Partner intelligence service', 'جهاز استخبارات شريك'], tlp: 'AMBER+STRICT', priority: 'immediate', expects: [['reset-credentials', '2h']], evaluates: ['cybersecurity', 'cyber-eradicate'],
    trigger: () => ({ nodeState: 'corp-dc01', state: 'compromised', delay: '1h' }) },
  { key: 'switch-down', title: ['National payment switch down', 'توقف محوّل المدفوعات الوطني', 'Commutateur de paiement national à l\'arrêt'],
    content: ['Card authorisations fail nationwide. Banks ask when the switch will be back.', 'تفشل عمليات تفويض البطاقات على مستوى البلاد، وتسأل البنوك عن موعد عودة المحوّل.'],
    channel: 'phone', from: ['Payment switch operator', 'مشغّل محوّل المدفوعات'], tlp: 'AMBER', priority: 'flash', expects: [['restore-backup', '4h'], ['sitrep', '30m']], evaluates: ['infrastructure', 'infra-continuity'],
    trigger: () => ({ nodeState: 'dc-pay01', state: 'encrypted' }) },
  { key: 'dpa', title: ['Data protection authority: breach notification', 'هيئة حماية البيانات: الإخطار بخرق البيانات', 'Autorité de protection des données : notification de violation'],
    content: ['The authority reminds you of the 72-hour deadline to notify a personal data breach.', 'تذكّركم الهيئة بمهلة الاثنتين والسبعين ساعة للإخطار عن خرق البيانات الشخصية.'],
    channel: 'email', from: ['Data protection authority', 'هيئة حماية البيانات'], tlp: 'GREEN', priority: 'priority', expects: [['respond-inject', '4h']], evaluates: ['public-info', 'pio-statement'],
    trigger: () => ({ nodeState: 'dc-db01', state: 'exfiltrated', delay: '2h' }) },
  { key: 'pm-office', title: ['Prime Minister\'s office demands a briefing', 'مكتب رئيس الوزراء يطلب إحاطة', 'Le cabinet du Premier ministre exige un point'],
    content: ['Services are down and the Minister\'s office has had no answer. The Prime Minister wants a briefing now.', 'الخدمات متوقفة ولم يتلقَّ مكتب الوزير أي رد، ويريد رئيس الوزراء إحاطة فورية.'],
    channel: 'phone', from: ['Office of the Prime Minister', 'مكتب رئيس الوزراء'], tlp: 'RED', priority: 'flash', type: 'contingency', expects: [['respond-inject', '30m']], evaluates: ['op-coordination', 'opco-sitrep'],
    trigger: () => ({ all: 'impact-unanswered' }) },
  { key: 'c4-prepositioned', title: ['C4: pre-positioned payload, act before detonation', 'خلية التحالف: حمولة متمركزة مسبقًا، تحركوا قبل التفجير', 'C4 : charge prépositionnée, agissez avant le déclenchement'],
    content: ['Your alerts match the pre-positioning pattern seen before every detonation in this campaign. Share and contain now.', 'تطابق تنبيهاتكم نمط التمركز المسبق الذي سبق كل تفجير في هذه الحملة. شاركوا المعلومات واحتووا الوضع الآن.'],
    channel: 'intel-feed', from: ['Coalition coordination cell', 'خلية التنسيق في التحالف'], tlp: 'AMBER', priority: 'flash', expects: [['share-intel', '1h'], ['isolate', '2h']], evaluates: ['intel-sharing', 'iis-share'],
    trigger: () => ({ any: ['persist', 'task', 'evade'] }) },
  { key: 'ea-share', title: ['Expected action: share C2 indicators with all partners', 'إجراء متوقع: مشاركة مؤشرات التحكم مع جميع الشركاء', 'Action attendue : partager les indicateurs C2'],
    content: ['Expected player action: share the C2 domain and IP with every partner within one hour of detection.', 'الإجراء المتوقع من اللاعبين: مشاركة نطاق التحكم وعنوانه مع كل الشركاء خلال ساعة من الرصد.'],
    channel: 'chat', from: EXCON, type: 'expected-action', expects: [['share-intel', '1h']], evaluates: ['intel-sharing', 'iis-share'],
    trigger: () => ({ step: 'c2', on: 'detected', delay: '10m' }) },
];
