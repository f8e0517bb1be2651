/**
 * Vietnamese family names (họ), covering the great majority of people. Telegram
 * clients ask for "first name" and "last name" in Western order, so many people
 * type «Bình» / «Đặng Văn»; an agency writes «Đặng Văn Bình».
 */
const FAMILY_NAMES = new Set(
  [
    'nguyễn',
    'trần',
    'lê',
    'phạm',
    'hoàng',
    'huỳnh',
    'phan',
    'vũ',
    'võ',
    'đặng',
    'bùi',
    'đỗ',
    'hồ',
    'ngô',
    'dương',
    'lý',
    'lương',
    'trịnh',
    'đinh',
    'đào',
    'đoàn',
    'mai',
    'trương',
    'lâm',
    'hà',
    'tô',
    'cao',
    'chu',
    'tạ',
    'lưu',
    'quách',
    'vương',
    'triệu',
    'thái',
    'kiều',
    'nông',
    'lò',
    'hứa',
    'khổng',
    'tăng',
    'âu',
  ].map((name) => name.normalize('NFC')),
)

/** Family names that are also common given names («Hà», «Mai»): alone, they are a given name. */
const ALSO_GIVEN_NAMES = new Set(
  ['hà', 'mai', 'lâm', 'thái', 'cao', 'chu', 'tô', 'âu', 'hồ', 'lương'].map((name) =>
    name.normalize('NFC'),
  ),
)

function words(part: string): string[] {
  return part
    .trim()
    .split(/\s+/)
    .map((word) => word.normalize('NFC').toLocaleLowerCase('vi'))
}

function startsWithFamilyName(part: string): boolean {
  return FAMILY_NAMES.has(words(part)[0] ?? '')
}

/** A first-name field already holding a family name: «Nguyễn Văn» (+ «An»), not «Hà» alone. */
function holdsFamilyName(part: string): boolean {
  const [first = '', ...more] = words(part)
  return FAMILY_NAMES.has(first) && (more.length > 0 || !ALSO_GIVEN_NAMES.has(first))
}

/**
 * The name to show for a Telegram profile (issue 11, point 17): family name
 * first when the last-name field starts with a Vietnamese family name and the
 * first-name field does not (already in Vietnamese order otherwise).
 */
export function vietnameseOrder(firstName: string, lastName: string | undefined): string {
  const first = firstName.trim()
  const last = (lastName ?? '').trim()
  if (last === '') return first
  if (first === '') return last
  if (startsWithFamilyName(last) && !holdsFamilyName(first)) return `${last} ${first}`
  return `${first} ${last}`
}
