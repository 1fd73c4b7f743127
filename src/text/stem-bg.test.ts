import { describe, expect, it } from 'vitest';
import { stemBulgarian } from './stem-bg.js';

// Every pair from Lucene's TestBulgarianStemmer listed in BULGARIAN.md.
const PAIRS = `градовете→град · народите→народ · народе→народ · пътя→път · пътища→път · пътищата→път ·
градецът→градец · градовцете→градовц · дядо→дяд · дядовците→дяд · мъжете→мъж · мъжо→мъж ·
мъжът→мъжът · краката→крак · братя→брат · братята→брат · вестта→вест · вестите→вест ·
дърветата→дърв · морето→мор · моретата→мор · изключенията→изключени · изключения→изключн ·
красивият→красив · красивите→красив · собствениците→собственик · подлози→подлог · кожуси→кожух ·
център→центр · центровете→центр · промени→промян · песента→песн · песни→песн · строеве→строй ·
строевете→строй · строя→стр · документи→документ · кризи→криз · атомната→атомн · енергия→енерг ·
компютър→компютр`
  .split('·')
  .map((pair) => pair.trim().split('→') as [string, string]);

describe('stemBulgarian', () => {
  it('reproduces every Lucene pair', () => {
    expect(PAIRS).toHaveLength(41);
    for (const [word, stem] of PAIRS) expect(`${word}→${stemBulgarian(word)}`).toBe(`${word}→${stem}`);
  });

  it('leaves words under four letters alone', () => {
    expect(stemBulgarian('път')).toBe('път');
    expect(stemBulgarian('и')).toBe('и');
  });

  it('brings inflected forms of a name to one stem', () => {
    const forms = [
      ['държава', 'държавата', 'държави', 'държавите'],
      ['министерски', 'министерския', 'министерският'],
      ['ислямска', 'ислямската'],
      ['народно', 'народното'],
      ['събрание', 'събранието'],
    ];
    for (const group of forms) expect(new Set(group.map(stemBulgarian)).size).toBe(1);
  });
});
