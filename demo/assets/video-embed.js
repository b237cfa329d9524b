// The demo's "third-party" video player (served locally: the demo needs no internet). Like a real
// embed it drops a visitor cookie as soon as it loads, which is why garde only gives the iframe
// its src once "marketing" is allowed.
(function () {
  if (!/(^|; )video_visitor=/.test(document.cookie)) {
    var id = Math.random().toString(36).slice(2, 12);
    document.cookie = 'video_visitor=' + id + '; path=/; max-age=' + 180 * 86400 + '; SameSite=Lax';
  }
  var play = document.getElementById('play');
  var state = document.getElementById('state');
  play.addEventListener('click', function () {
    var on = play.getAttribute('aria-pressed') != 'true';
    play.setAttribute('aria-pressed', String(on));
    state.textContent = on ? '▶ 0:01 / 2:00' : '❚❚ 0:01 / 2:00';
  });
})();
