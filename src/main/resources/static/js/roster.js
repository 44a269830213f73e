// The roster board: drag a member onto another to swap them. Without JavaScript (or on a
// touch screen) the same swap is made by picking one member, then the other.
(function () {
  'use strict';
  var form = document.getElementById('drag-form');
  if (!form) {
    return;
  }
  var dragged = null;
  document.querySelectorAll('a.chip[data-slot]').forEach(function (chip) {
    chip.addEventListener('dragstart', function (event) {
      dragged = chip.getAttribute('data-slot');
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', dragged);
      chip.classList.add('dragging');
    });
    chip.addEventListener('dragend', function () {
      chip.classList.remove('dragging');
      document.querySelectorAll('.chip.over').forEach(function (c) { c.classList.remove('over'); });
    });
    chip.addEventListener('dragover', function (event) {
      if (dragged && dragged !== chip.getAttribute('data-slot')) {
        event.preventDefault();
        chip.classList.add('over');
      }
    });
    chip.addEventListener('dragleave', function () {
      chip.classList.remove('over');
    });
    chip.addEventListener('drop', function (event) {
      event.preventDefault();
      var target = chip.getAttribute('data-slot');
      var source = dragged || event.dataTransfer.getData('text/plain');
      if (source && target && source !== target) {
        form.elements.a.value = source;
        form.elements.b.value = target;
        form.submit();
      }
    });
  });
})();
