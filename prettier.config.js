// Close to how the code was already written (long lines, single quotes), so the
// formatting commit changes layout, not style.
export default {
  printWidth: 160,
  singleQuote: true,
  trailingComma: 'all',
  proseWrap: 'preserve',
};
