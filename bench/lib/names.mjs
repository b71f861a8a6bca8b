// Synthetic names for the bench volume: the nationalities of unaccompanied minors in Italy in
// proportion to the Ministry's figures (domain.md §10), each name as a group of the spellings that
// reception staff actually write down (Mohamed / Muhammad / Mohammed, Jallow / Diallo / Jalloh,
// Hossain / Hussain / Hosen …), plus syllable-generated names so the distribution is not only the
// common names. Deterministic: the same seed gives the same people on every machine.

// Deterministic pseudo-random numbers in [0, 1).
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = (rand, items) => items[Math.floor(rand() * items.length)];

// [nationality, weight, given-name groups, family-name groups]; each group lists variants of one name.
const POOLS = {
  EG: {
    weight: 30,
    given: [
      ['Mohamed', 'Mohammed', 'Muhammad', 'Mohamad', 'Mohammad'], ['Ahmed', 'Ahmad', 'Ahmet'], ['Mahmoud', 'Mahmud', 'Mahmood'],
      ['Mostafa', 'Mustafa', 'Moustafa'], ['Youssef', 'Yousef', 'Yusuf', 'Youssif'], ['Abdelrahman', 'Abdul Rahman', 'Abderrahmane', 'Abdulrahman'],
      ['Omar', 'Umar', 'Omer'], ['Ali'], ['Hassan', 'Hasan'], ['Hussein', 'Hussain', 'Husein'], ['Karim', 'Kareem'], ['Khaled', 'Khalid'],
      ['Ibrahim', 'Ibraheem', 'Ebrahim'], ['Islam'], ['Amr', 'Amro'], ['Ziad', 'Ziyad'], ['Mariam', 'Maryam', 'Meriem'], ['Fatma', 'Fatima', 'Fatimah'],
      ['Abdallah', 'Abdullah', 'Abdalla'], ['Saeed', 'Said', 'Sayed'], ['Tarek', 'Tariq', 'Tarik'], ['Hamza', 'Hamzah'],
    ],
    family: [
      ['Ibrahim', 'Ibraheem'], ['Hassan', 'Hasan'], ['El-Sayed', 'Elsayed', 'Al-Sayed', 'El Sayed'], ['Mahmoud', 'Mahmud'], ['Abdelaziz', 'Abdel Aziz', 'Abdulaziz'],
      ['Salem', 'Salim', 'Saleem'], ['Farouk', 'Farouq', 'Faruk'], ['Mansour', 'Mansur'], ['Abdallah', 'Abdullah', 'Abdalla'], ['Ghoneim', 'Ghonim', 'Ghanem'],
      ['Shehata', 'Shahata'], ['Mostafa', 'Mustafa'], ['Youssef', 'Yousef', 'Yusuf'], ['Gaber', 'Jaber'], ['Ramadan', 'Ramadhan'], ['Soliman', 'Suleiman', 'Sulaiman'],
      ['Hamed', 'Hamid'], ['Abdelhamid', 'Abdel Hamid'], ['Mohamed', 'Mohammed', 'Muhammad'], ['Ali'], ['Abdelfattah', 'Abdel Fattah'], ['Saad', 'Saad'],
    ],
  },
  UA: {
    weight: 17,
    given: [
      ['Oleksandr', 'Aleksandr', 'Olexandr', 'Alexander'], ['Mykola', 'Nikolai', 'Mikola'], ['Bohdan', 'Bogdan'], ['Dmytro', 'Dmitrii', 'Dmitry', 'Dmitriy'],
      ['Andrii', 'Andriy', 'Andrey'], ['Serhii', 'Serhiy', 'Sergey', 'Sergii'], ['Artem', 'Artyom'], ['Maksym', 'Maxim', 'Maksim'], ['Yurii', 'Yuriy', 'Yuri', 'Iurii'],
      ['Vladyslav', 'Vladislav'], ['Sofiia', 'Sofia', 'Sophia'], ['Daria', 'Dariia', 'Darya'], ['Anastasiia', 'Anastasia'], ['Yevhen', 'Evgeny', 'Yevgen'],
      ['Oleh', 'Oleg'], ['Ivan'], ['Kateryna', 'Ekaterina', 'Katerina'], ['Illia', 'Ilya', 'Ilia'],
    ],
    family: [
      ['Kovalenko'], ['Shevchenko'], ['Bondarenko'], ['Tkachenko'], ['Kravchenko'], ['Melnyk', 'Melnik'], ['Boiko', 'Boyko'], ['Kovalchuk', 'Kovalchyk'],
      ['Oliinyk', 'Oleynik', 'Oliynyk'], ['Lysenko'], ['Moroz'], ['Savchenko'], ['Rudenko'], ['Marchenko'], ['Petrenko'], ['Kuzmenko'], ['Pavlenko'], ['Zhuk', 'Juk'],
    ],
  },
  BD: {
    weight: 10,
    given: [
      ['Rakib', 'Rakeeb'], ['Rahim', 'Raheem'], ['Sabbir', 'Shabbir'], ['Rasel', 'Russel', 'Rassel'], ['Mohammad', 'Md', 'Mohammed'], ['Hasan', 'Hassan'],
      ['Shakil', 'Shakeel'], ['Arif', 'Aref'], ['Jahid', 'Zahid'], ['Sohel', 'Sohail'], ['Rifat', 'Riffat'], ['Tanvir', 'Tanveer'], ['Imran'], ['Nayeem', 'Naim', 'Nayem'],
      ['Sajib', 'Shajib'], ['Mehedi', 'Mahdi', 'Mehdi'],
    ],
    family: [
      ['Hossain', 'Hussain', 'Hosen', 'Hossen', 'Husain'], ['Islam'], ['Rahman', 'Rehman'], ['Miah', 'Mia', 'Miya'], ['Ahmed', 'Ahmad'], ['Uddin', 'Uddeen', 'Udin'],
      ['Chowdhury', 'Chowdhuri', 'Choudhury'], ['Khan'], ['Sarker', 'Sarkar'], ['Alam'], ['Molla', 'Mollah'], ['Sheikh', 'Shaikh'], ['Akter', 'Akhter', 'Aktar'], ['Haque', 'Hoque', 'Haq'],
    ],
  },
  GM: {
    weight: 7,
    given: [
      ['Lamin', 'Lamine'], ['Ebrima', 'Ibrahima', 'Ebrahima'], ['Modou', 'Modu', 'Mudou'], ['Ousman', 'Usman', 'Ousmane', 'Osman'], ['Alieu', 'Aliou', 'Alio'],
      ['Musa', 'Moussa'], ['Omar', 'Oumar'], ['Bakary', 'Bakari'], ['Sainey', 'Saine'], ['Abdoulie', 'Abdoulaye', 'Abdullahi'], ['Mamadou', 'Mamadu'], ['Fatou', 'Fatu'], ['Isatou', 'Isatu'],
    ],
    family: [
      ['Jallow', 'Diallo', 'Jalloh', 'Djalo'], ['Ceesay', 'Sisay', 'Cisse', 'Sissay'], ['Jammeh', 'Jamme'], ['Touray', 'Toure', 'Ture'], ['Bah', 'Ba'], ['Sowe', 'Sow'],
      ['Darboe', 'Darbo'], ['Camara', 'Kamara'], ['Sanneh', 'Sane', 'Sanne'], ['Njie', 'Ndiaye', 'Njai'], ['Drammeh', 'Drame'], ['Sonko'], ['Bojang'], ['Jobe', 'Job', 'Diop'], ['Manneh', 'Mane'],
    ],
  },
  TN: {
    weight: 7,
    given: [
      ['Aymen', 'Aimen', 'Ayman'], ['Yassine', 'Yasin', 'Yacine'], ['Mohamed Amine', 'Med Amine', 'Mohamed Amin'], ['Oussama', 'Usama', 'Osama'], ['Wassim', 'Wasim'],
      ['Hamza'], ['Bilel', 'Bilal'], ['Anis', 'Anes'], ['Skander', 'Iskander'], ['Mehdi', 'Mahdi'], ['Seif', 'Saif', 'Sayf'], ['Rayen', 'Rayan', 'Rayane'],
    ],
    family: [
      ['Ben Ali', 'Benali'], ['Trabelsi'], ['Jebali', 'Jbali'], ['Gharbi'], ['Hamdi'], ['Ayari'], ['Mejri'], ['Ben Salah', 'Bensalah'], ['Dridi'], ['Saidi', 'Said'],
      ['Chaabane', 'Chaaban', 'Shaaban'], ['Bouazizi'], ['Ben Amor', 'Benamor'], ['Khelifi', 'Khalifi'],
    ],
  },
  GN: {
    weight: 6,
    given: [
      ['Mamadou', 'Mamadu'], ['Ibrahima', 'Ibrahim'], ['Alpha'], ['Ousmane', 'Usman'], ['Thierno', 'Tierno', 'Cherno'], ['Abdoulaye', 'Abdulai'],
      ['Souleymane', 'Suleiman'], ['Mohamed'], ['Sekou', 'Seku'], ['Amadou', 'Ahmadou', 'Amadu'], ['Mariama', 'Mariyama'], ['Aissatou', 'Aisatu'],
    ],
    family: [
      ['Diallo', 'Jallow'], ['Barry', 'Bari'], ['Bah', 'Ba'], ['Camara', 'Kamara'], ['Sow'], ['Conde', 'Konde'], ['Keita', 'Keyta'], ['Toure', 'Touray'], ['Sylla', 'Sila'],
      ['Cisse', 'Sissay'], ['Traore', 'Traoré'], ['Balde', 'Baldé'],
    ],
  },
  PK: {
    weight: 4,
    given: [['Usman', 'Osman', 'Othman'], ['Bilal'], ['Muhammad', 'Mohammad'], ['Ali'], ['Hamza'], ['Zain', 'Zayn'], ['Ahmad', 'Ahmed'], ['Hassan', 'Hasan'], ['Waqas', 'Vakas'], ['Shoaib', 'Shuaib']],
    family: [['Khan'], ['Hussain', 'Husain'], ['Ahmed'], ['Butt', 'But'], ['Malik'], ['Qureshi', 'Kureshi', 'Quraishi'], ['Shah'], ['Iqbal', 'Ikbal'], ['Chaudhry', 'Chaudhary', 'Chaudhri']],
  },
  AL: {
    weight: 4,
    given: [['Klevis'], ['Ergi'], ['Arber', 'Arbër'], ['Erion'], ['Kristi'], ['Endri'], ['Besmir'], ['Jurgen', 'Jurgens'], ['Denis', 'Deniz']],
    family: [['Hoxha', 'Hoxa', 'Hodja'], ['Shehu'], ['Leka'], ['Gjoka'], ['Kola'], ['Dervishi'], ['Cela', 'Çela'], ['Brahimi'], ['Mema']],
  },
  CI: {
    weight: 3,
    given: [['Adama'], ['Moussa', 'Musa'], ['Seydou', 'Seidou'], ['Yao'], ['Koffi', 'Kofi'], ['Kouame', 'Kwame'], ['Ismael', 'Ismail']],
    family: [['Traore', 'Traoré'], ['Kone', 'Koné'], ['Coulibaly', 'Kulibali'], ['Ouattara', 'Wattara'], ['Bamba'], ['Diabate', 'Diabaté'], ['Kouassi', 'Kwasi']],
  },
  ML: {
    weight: 3,
    given: [['Moussa', 'Musa'], ['Boubacar', 'Bubakar', 'Aboubakar'], ['Oumar', 'Umar'], ['Mahamadou', 'Mamadou'], ['Adama'], ['Drissa', 'Idrissa']],
    family: [['Keita', 'Keyta'], ['Traore'], ['Coulibaly'], ['Diarra', 'Jarra'], ['Sidibe', 'Sidibé'], ['Konate', 'Konaté'], ['Dembele', 'Dembélé']],
  },
  SN: {
    weight: 3,
    given: [['Cheikh', 'Sheikh', 'Shaikh'], ['Mamadou'], ['Abdou', 'Abdu'], ['Pape', 'Papa'], ['Ibrahima'], ['Ousmane'], ['Modou']],
    family: [['Ndiaye', 'Njie'], ['Diop', 'Jobe'], ['Fall', 'Fal'], ['Sarr', 'Sar'], ['Gueye', 'Gaye'], ['Faye'], ['Sy'], ['Mbaye'], ['Seck', 'Sek'], ['Diouf']],
  },
  ER: {
    weight: 2,
    given: [['Senait', 'Senayt'], ['Yonas', 'Yohannes', 'Johannes'], ['Filmon', 'Philemon'], ['Tesfay', 'Tesfaye'], ['Merhawi'], ['Semere'], ['Dawit', 'Daoud'], ['Selam', 'Salam']],
    family: [['Tesfay', 'Tesfaye'], ['Tekle', 'Tecle'], ['Gebremedhin', 'Ghebremedhin', 'Gebre Medhin'], ['Haile', 'Hayle'], ['Berhane', 'Berhe'], ['Kidane', 'Kidan'], ['Ghebreyesus', 'Gebreyesus'], ['Mehari']],
  },
  SO: {
    weight: 2,
    given: [['Abdirahman', 'Abdurahman', 'Abdulrahman'], ['Abdullahi', 'Abdallah'], ['Mohamed', 'Maxamed'], ['Ahmed', 'Axmed'], ['Hassan', 'Xasan'], ['Omar', 'Cumar']],
    family: [['Warsame'], ['Mohamud', 'Maxamuud', 'Mahmoud'], ['Abdi'], ['Hussein', 'Xuseen', 'Hussain'], ['Farah', 'Faarax'], ['Jama', 'Jaamac'], ['Osman', 'Cismaan'], ['Yusuf', 'Yuusuf'], ['Nur', 'Nuur', 'Noor']],
  },
  MA: {
    weight: 2,
    given: [['Youssef', 'Youssouf', 'Yusuf'], ['Mehdi', 'Mahdi'], ['Hamza'], ['Ayoub', 'Ayub'], ['Zakaria', 'Zakariya'], ['Soufiane', 'Sufyan', 'Sofiane']],
    family: [['El Amrani', 'Elamrani', 'Amrani'], ['Benali', 'Ben Ali'], ['El Idrissi', 'Idrissi'], ['Bennani'], ['Ouali', 'Wali'], ['Tazi']],
  },
};

export const NATIONALITIES = Object.keys(POOLS);
const CUMULATIVE = (() => {
  const total = NATIONALITIES.reduce((s, n) => s + POOLS[n].weight, 0);
  let acc = 0;
  return NATIONALITIES.map((n) => [n, (acc += POOLS[n].weight / total)]);
})();

export function pickNationality(rand) {
  const r = rand();
  for (const [n, c] of CUMULATIVE) if (r < c) return n;
  return NATIONALITIES[0];
}

const SYLLABLES = ['ka', 'ma', 'la', 'di', 'sa', 'bo', 'tu', 'ne', 'ri', 'mo', 'ha', 'ya', 'fa', 'ki', 'zu', 'be', 'do', 'go', 'na', 'si', 'ta', 'wa', 'lu', 'me', 'ja', 'ko', 'ra', 'se', 'ba', 'no', 'mi', 'ou', 'ai', 'ye', 'ke'];
const ENDINGS = ['', '', 'n', 'r', 'l', 'm', 's', 'd', 't', 'h'];

function syllableName(rand) {
  let s = '';
  const n = 2 + Math.floor(rand() * 2);
  for (let i = 0; i < n; i += 1) s += pick(rand, SYLLABLES);
  s += pick(rand, ENDINGS);
  return s[0].toUpperCase() + s.slice(1);
}

// One name part: a spelling from a variant group (70%) or a generated one; the group is
// returned so an alias can be another spelling of the same name.
function namePart(rand, groups, generatedShare) {
  if (rand() < generatedShare) return { value: syllableName(rand), group: null };
  const group = pick(rand, groups);
  return { value: pick(rand, group), group };
}

function otherSpelling(rand, part) {
  if (!part.group || part.group.length < 2) return part.value;
  const others = part.group.filter((v) => v !== part.value);
  return pick(rand, others);
}

// A person of the given nationality (or a random one): names and up to two aliases (other
// spellings of the same name, as recorded by another office).
export function person(rand, nationality = pickNationality(rand), { generatedShare = 0.35, aliasShare = 0.3 } = {}) {
  const pool = POOLS[nationality];
  const given = namePart(rand, pool.given, generatedShare * 0.8);
  const family = namePart(rand, pool.family, generatedShare);
  const aliases = [];
  if (rand() < aliasShare) {
    const alias = `${otherSpelling(rand, given)} ${otherSpelling(rand, family)}`;
    if (alias !== `${given.value} ${family.value}`) aliases.push(alias);
    if (rand() < 0.3) {
      const second = `${otherSpelling(rand, given)} ${otherSpelling(rand, family)}`;
      if (!aliases.includes(second) && second !== `${given.value} ${family.value}`) aliases.push(second);
    }
  }
  return { firstName: given.value, lastName: family.value, aliases, nationality, givenGroup: given.group, familyGroup: family.group };
}

// A family member shares the minor's family name most of the time (father, siblings), not always
// (mother, uncles on the mother's side), spelled as the informant spells it.
export function relative(rand, minor) {
  const pool = POOLS[minor.nationality];
  const relationship = pick(rand, ['father', 'mother', 'brother', 'sister', 'brother', 'sister', 'uncle', 'aunt', 'grandmother', 'grandfather', 'cousin']);
  const sameFamily = ['father', 'brother', 'sister', 'grandfather'].includes(relationship) || rand() < 0.3;
  const lastName = sameFamily
    ? minor.familyGroup && rand() < 0.25 ? pick(rand, minor.familyGroup) : minor.lastName
    : namePart(rand, pool.family, 0.35).value;
  const firstName = namePart(rand, pool.given, 0.3).value;
  return { relationship, firstName, lastName, country: minor.nationality };
}

// How a name heard at intake drifts from the recorded spelling: the edits the transliteration
// keys are designed to absorb (domain search §8), one or two at a time.
const EDITS = [
  (s) => s.replace(/ou/g, 'u'),
  (s) => s.replace(/u/, 'ou'),
  (s) => s.replace(/([bcdfgklmnprst])\1/, '$1'),
  (s) => s.replace(/([lmnst])(?=[aeiou])/, '$1$1'),
  (s) => s.replace(/a(?=[^aeiou]*$)/, 'e'),
  (s) => s.replace(/e(?=[^aeiou]*$)/, 'a'),
  (s) => s.replace(/ee/g, 'i'),
  (s) => s.replace(/i/, 'ee'),
  (s) => s.replace(/k/, 'c'),
  (s) => s.replace(/c(?=[aou])/, 'k'),
  (s) => s.replace(/y/, 'i'),
  (s) => s.replace(/h$/, ''),
  (s) => s.replace(/j/, 'dj'),
  (s) => s.replace(/sh/, 'ch'),
];

export function perturb(rand, name) {
  let s = name.toLowerCase();
  const n = 1 + Math.floor(rand() * 2);
  for (let i = 0; i < n; i += 1) s = pick(rand, EDITS)(s);
  return s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}
