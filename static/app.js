() => {
  // Citation markers and history grades are links to "#<card id>": scroll to the card, open
  // the answer it belongs to, and flash it. Caught in the capture phase so the chat's own link
  // handling (which would open a new tab) never sees the click.
  const flash = (card) => {
    for (let node = card.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    card.scrollIntoView({ behavior: "smooth", block: "center" });
    card.classList.add("ev-flash");
    setTimeout(() => card.classList.remove("ev-flash"), 2500);
  };
  const copy = async (button) => {
    const text = button.dataset.copy || "";
    try {
      await navigator.clipboard.writeText(text);
    } catch (error) {
      // Plain http on another host is not a secure context: fall back to a hidden textarea.
      const area = document.createElement("textarea");
      area.value = text;
      document.body.appendChild(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    const label = button.textContent;
    button.textContent = "Copied";
    setTimeout(() => (button.textContent = label), 1500);
  };
  document.addEventListener(
    "click",
    (event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (!target) return;
      const button = target.closest("button.ev-copy");
      if (button) {
        event.preventDefault();
        copy(button);
        return;
      }
      const link = target.closest('a[href^="#src-"], a[href^="#grade-"]');
      if (!link) return;
      const card = document.getElementById(link.getAttribute("href").slice(1));
      event.preventDefault();
      event.stopPropagation();
      if (card) flash(card);
    },
    true
  );
}
