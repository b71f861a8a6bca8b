import type { CaseState, OrganisationType, Role } from '@app/contracts';

// Fictitious demo unit. Every name, place and number here is invented; emails use the reserved
// demo.example domain so demo accounts are recognisable anywhere (production refuses them).
export const DEMO_DOMAIN = 'demo.example';

export interface DemoOrganisation {
  key: string;
  name: string;
  type: OrganisationType;
  country?: string;
  municipality?: string;
  district?: string;
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { key: 'iom', name: 'OIM Roma – Unità minori stranieri non accompagnati', type: 'IOM_UNIT', country: 'IT', municipality: 'Roma' },
  { key: 'mission_eg', name: 'OIM Missione Egitto (Il Cairo)', type: 'IOM_MISSION', country: 'EG' },
  { key: 'mission_bd', name: 'OIM Missione Bangladesh (Dhaka)', type: 'IOM_MISSION', country: 'BD' },
  // Missions with no demo account: the unit sends them packets, nobody signs in for them here.
  { key: 'mission_ua', name: 'OIM Missione Ucraina (Kyiv)', type: 'IOM_MISSION', country: 'UA' },
  { key: 'mission_gm', name: 'OIM Missione Gambia (Banjul)', type: 'IOM_MISSION', country: 'GM' },
  { key: 'mission_tn', name: 'OIM Missione Tunisia (Tunisi)', type: 'IOM_MISSION', country: 'TN' },
  { key: 'mission_gn', name: 'OIM Missione Guinea (Conakry)', type: 'IOM_MISSION', country: 'GN' },
  { key: 'mission_al', name: 'OIM Missione Albania (Tirana)', type: 'IOM_MISSION', country: 'AL' },
  { key: 'mission_pk', name: 'OIM Missione Pakistan (Islamabad)', type: 'IOM_MISSION', country: 'PK' },
  { key: 'mission_ci', name: "OIM Missione Costa d'Avorio (Abidjan)", type: 'IOM_MISSION', country: 'CI' },
  { key: 'mission_ml', name: 'OIM Missione Mali (Bamako)', type: 'IOM_MISSION', country: 'ML' },
  { key: 'mission_sn', name: 'OIM Missione Senegal (Dakar)', type: 'IOM_MISSION', country: 'SN' },
  { key: 'mission_er', name: 'OIM Missione Eritrea (Asmara)', type: 'IOM_MISSION', country: 'ER' },
  { key: 'mission_so', name: 'OIM Missione Somalia (Mogadiscio)', type: 'IOM_MISSION', country: 'SO' },
  { key: 'ss_milano', name: 'Comune di Milano – Servizi sociali per minori', type: 'SOCIAL_SERVICES', country: 'IT', municipality: 'Milano' },
  { key: 'ss_palermo', name: 'Comune di Palermo – Servizi sociali per minori', type: 'SOCIAL_SERVICES', country: 'IT', municipality: 'Palermo' },
  { key: 'tm_milano', name: 'Tribunale per i minorenni di Milano', type: 'JUVENILE_COURT', country: 'IT', district: 'Milano' },
  { key: 'tm_palermo', name: 'Tribunale per i minorenni di Palermo', type: 'JUVENILE_COURT', country: 'IT', district: 'Palermo' },
  { key: 'ministry', name: 'Ministero del Lavoro e delle Politiche Sociali – DG politiche migratorie', type: 'MINISTRY', country: 'IT', municipality: 'Roma' },
  { key: 'guardians_milano', name: 'Tutori volontari – distretto di Milano', type: 'GUARDIANS', country: 'IT', district: 'Milano' },
  { key: 'guardians_palermo', name: 'Tutori volontari – distretto di Palermo', type: 'GUARDIANS', country: 'IT', district: 'Palermo' },
];

export interface DemoUser {
  key: string;
  email: string;
  displayName: string;
  role: Role;
  organisation: string;
}

const u = (key: string, local: string, displayName: string, role: Role, organisation: string): DemoUser => ({
  key,
  email: `${local}@${DEMO_DOMAIN}`,
  displayName,
  role,
  organisation,
});

export const DEMO_USERS: DemoUser[] = [
  u('admin', 'admin', 'Amministratore di sistema (demo)', 'admin', 'iom'),
  u('supervisor', 'supervisor', 'Giulia Ferri (demo)', 'supervisor', 'iom'),
  u('caseworker', 'caseworker', 'Marco Bellini (demo)', 'caseworker', 'iom'),
  u('caseworker2', 'caseworker2', 'Sara Conti (demo)', 'caseworker', 'iom'),
  u('field_cairo', 'field.cairo', 'Nour El-Sayed (demo)', 'field_officer', 'mission_eg'),
  u('field_dhaka', 'field.dhaka', 'Tanvir Ahmed (demo)', 'field_officer', 'mission_bd'),
  u('guardian', 'guardian', 'Paola Riva (demo)', 'guardian', 'guardians_milano'),
  u('guardian2', 'guardian2', 'Antonio Greco (demo)', 'guardian', 'guardians_palermo'),
  u('social_milano', 'social.milano', 'Laura Colombo (demo)', 'social_services', 'ss_milano'),
  u('social_palermo', 'social.palermo', 'Salvatore Russo (demo)', 'social_services', 'ss_palermo'),
  u('court_milano', 'court.milano', 'Cancelleria TM Milano (demo)', 'court', 'tm_milano'),
  u('court_palermo', 'court.palermo', 'Cancelleria TM Palermo (demo)', 'court', 'tm_palermo'),
  u('ministry', 'ministry', 'Funzionario DG (demo)', 'ministry', 'ministry'),
  u('dpo', 'dpo', 'Referente protezione dati (demo)', 'dpo', 'iom'),
];

// Nationalities in proportion to the Ministry's figures (domain.md §10, 31 Dec 2025: Egypt 30%,
// Ukraine 17%, Bangladesh 10%, Gambia 7%, Tunisia and Guinea ~6–8%), with transliteration variants
// of common names so search and duplicate detection have something real to work on.
export interface DemoMinor {
  firstName: string;
  lastName: string;
  aliases: string[];
  sex: 'M' | 'F';
  nationality: string;
}

const m = (firstName: string, lastName: string, nationality: string, aliases: string[] = [], sex: 'M' | 'F' = 'M'): DemoMinor => ({
  firstName,
  lastName,
  aliases,
  sex,
  nationality,
});

export const DEMO_MINORS: DemoMinor[] = [
  m('Mohamed', 'Ibrahim', 'EG', ['Mohammed Ibraheem']),
  m('Muhammad', 'Ibraheem', 'EG', ['Mohamed Ibrahim']),
  m('Ahmed', 'Hassan', 'EG', ['Ahmad Hasan']),
  m('Youssef', 'El-Sayed', 'EG', ['Yousef Elsayed', 'Yusuf al-Sayyid']),
  m('Mostafa', 'Mahmoud', 'EG', ['Mustafa Mahmud']),
  m('Abdelrahman', 'Salem', 'EG', ['Abdul Rahman Salim']),
  m('Omar', 'Farouk', 'EG', ['Omar Farouq']),
  m('Karim', 'Abdelaziz', 'EG', ['Kareem Abdel Aziz']),
  m('Mariam', 'Hassan', 'EG', ['Maryam Hasan'], 'F'),
  m('Ali', 'Mahmoud', 'EG'),
  m('Mohammed', 'Salem', 'EG', ['Mohamed Saleem']),
  m('Ahmad', 'Elsayed', 'EG', ['Ahmed El-Sayed']),
  m('Oleksandr', 'Kovalenko', 'UA', ['Aleksandr Kovalenko', 'Olexandr Kovalenko']),
  m('Mykola', 'Shevchenko', 'UA', ['Nikolai Shevchenko']),
  m('Bohdan', 'Bondarenko', 'UA', ['Bogdan Bondarenko']),
  m('Dmytro', 'Tkachenko', 'UA', ['Dmitrii Tkachenko']),
  m('Sofiia', 'Kravchenko', 'UA', ['Sofia Kravchenko'], 'F'),
  m('Daria', 'Melnyk', 'UA', ['Dariia Melnik'], 'F'),
  m('Artem', 'Shevchenko', 'UA', ['Artyom Shevchenko']),
  m('Rakib', 'Hossain', 'BD', ['Rakib Hussain', 'Md. Rakib Hosen']),
  m('Rahim', 'Islam', 'BD', ['Mohammad Rahim Islam']),
  m('Sabbir', 'Rahman', 'BD', ['Sabbir Rehman']),
  m('Rasel', 'Miah', 'BD', ['Rasel Mia']),
  m('Lamin', 'Jallow', 'GM', ['Lamin Diallo', 'Lamin Jalloh']),
  m('Ebrima', 'Ceesay', 'GM', ['Ebrima Sisay']),
  m('Modou', 'Jammeh', 'GM', ['Modou Jamme']),
  m('Aymen', 'Ben Ali', 'TN', ['Aymen Benali']),
  m('Yassine', 'Trabelsi', 'TN', ['Yasin Trabelsi']),
  m('Mohamed Amine', 'Jebali', 'TN', ['Med Amine Jbali']),
  m('Mamadou', 'Diallo', 'GN', ['Mamadu Jallow']),
  m('Ibrahima', 'Camara', 'GN', ['Ibrahima Kamara']),
  m('Klevis', 'Hoxha', 'AL', ['Klevis Hoxa']),
  m('Ergi', 'Shehu', 'AL'),
  m('Usman', 'Khan', 'PK', ['Osman Khan']),
  m('Bilal', 'Hussain', 'PK', ['Bilal Husain']),
  m('Adama', 'Traoré', 'CI', ['Adama Traore']),
  m('Moussa', 'Keita', 'ML', ['Musa Keita']),
  m('Cheikh', 'Ndiaye', 'SN', ['Sheikh Ndiaye']),
  m('Senait', 'Tesfay', 'ER', ['Senayt Tesfaye'], 'F'),
  m('Abdirahman', 'Warsame', 'SO', ['Abdurahman Warsame']),
];

// Every state appears at least once; the early, busy states more often.
export const DEMO_STATES: CaseState[] = [
  'RECEIVED', 'SCREENING', 'INFO_REQUESTED', 'READY_FOR_TRACING', 'TRACING_IN_PROGRESS', 'FAMILY_LOCATED', 'NOT_LOCATED',
  'UNSAFE', 'FAMILY_REFUSED', 'ASSESSMENT_DONE', 'REPORT_DRAFTING', 'REPORT_QA', 'REPORT_APPROVED', 'REPORT_SENT',
  'AWAITING_SOLUTION', 'CLOSED_LOCAL_SOLUTION', 'AVR_REQUESTED', 'AVR_COUNSELLING', 'COURT_PENDING', 'COURT_APPROVED',
  'COURT_REJECTED', 'AVR_PREPARATION', 'IN_TRANSIT', 'HANDED_OVER', 'REINTEGRATION', 'MONITORING', 'CLOSED_REINTEGRATED',
  'ON_HOLD', 'WITHDRAWN', 'AGED_OUT', 'REJECTED',
  'RECEIVED', 'SCREENING', 'TRACING_IN_PROGRESS', 'TRACING_IN_PROGRESS', 'REPORT_DRAFTING', 'AWAITING_SOLUTION',
  'MONITORING', 'SCREENING', 'INFO_REQUESTED',
];
