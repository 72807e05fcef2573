/** EAN-8: seven data digits and a check digit (weights 3,1,3,1,3,1,3; sum + check ≡ 0 mod 10). */

export function ean8CheckDigit(sevenDigits: string): number {
  if (!/^\d{7}$/.test(sevenDigits)) throw new RangeError(`EAN-8 needs 7 data digits, got '${sevenDigits}'`);
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(sevenDigits[i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

/** The full 8-digit code for a number in [0, 10^7); arithmetic only (it runs once per event). */
export function ean8FromNumber(dataNumber: number): string {
  let rest = Math.floor(dataNumber);
  let sum = 0;
  // Digit 7 (the last data digit, weight 3) down to digit 1 (weight 3).
  for (let position = 6; position >= 0; position--) {
    sum += (rest % 10) * (position % 2 === 0 ? 3 : 1);
    rest = Math.floor(rest / 10);
  }
  const check = (10 - (sum % 10)) % 10;
  return String(Math.floor(dataNumber) * 10 + check).padStart(8, "0");
}

export function isValidEan8(code: string): boolean {
  return /^\d{8}$/.test(code) && ean8CheckDigit(code.slice(0, 7)) === Number(code[7]);
}
