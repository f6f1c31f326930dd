export default defineBackground(() => {
  // Filled in by the extension work (issue 3).
});
