import { rectifyConfusion } from 'unicode-confusables';

/** A username as stored: Unicode compatibility forms folded (NFKC: `ｆｕｌｌ` is `full`). */
export const normalizeUsername = (name: string): string => name.normalize('NFKC').trim();

/**
 * What a username looks like, for uniqueness: case folded, then every character replaced by
 * the one it is confusable with (the skeleton of Unicode's UTS #39, from its confusables data),
 * so `аdmin` with a Cyrillic а, `ADMIN` and `admin` are one name, and so are `rn` and `m`.
 */
export const usernameSkeleton = (name: string): string =>
  rectifyConfusion(normalizeUsername(name).toLowerCase().normalize('NFD')).normalize('NFD');
