// The two interface languages; Bulgarian first.
export type Locale = 'bg' | 'en';
