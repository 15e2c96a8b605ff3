# Run by ctest (tests/CMakeLists.txt): install CLAUSE_BUILD into SCRATCH/prefix, build
# examples/embed against that prefix alone, run it on the flagship and check its answer;
# with PYTHON, import the installed Python module and pay a profit through it.
file(REMOVE_RECURSE ${SCRATCH})

function(step)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "failed (${status}): ${ARGN}\n${out}\n${err}")
  endif()
  set(output "${out}" PARENT_SCOPE)
endfunction()

step(${CMAKE_COMMAND} --install ${CLAUSE_BUILD} --prefix ${SCRATCH}/prefix)
foreach(installed bin/clause include/clause/clause.hpp lib/cmake/Clause/ClauseConfig.cmake)
  if(NOT EXISTS ${SCRATCH}/prefix/${installed})
    message(FATAL_ERROR "not installed: ${installed}")
  endif()
endforeach()
# Only the API's headers: the engine's stay inside.
file(GLOB headers RELATIVE ${SCRATCH}/prefix/include ${SCRATCH}/prefix/include/*)
if(NOT headers STREQUAL "clause")
  message(FATAL_ERROR "installed headers other than include/clause: ${headers}")
endif()

step(${CMAKE_COMMAND} -S ${CLAUSE_SOURCE}/examples/embed -B ${SCRATCH}/build -G ${GENERATOR}
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=${SCRATCH}/prefix -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
step(${CMAKE_COMMAND} --build ${SCRATCH}/build)
step(${SCRATCH}/build/embed ${CLAUSE_SOURCE}/contracts/microsoft-openai/2024-06.clause)
message(STATUS "examples/embed printed:\n${output}")
foreach(expected "agi is declared" "declared" "ended")
  string(FIND "${output}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "examples/embed did not say \"${expected}\"")
  endif()
endforeach()

if(PYTHON)
  set(ENV{PYTHONPATH} ${SCRATCH}/prefix/lib/python3/dist-packages)
  # Lines parted by a newline: a semicolon would split the argument into a CMake list.
  step(${PYTHON} -c "import clause\nprint(clause.load('${CLAUSE_SOURCE}/contracts/microsoft-openai/2024-06.clause').payout('50B')['parties']['Microsoft'])")
  if(NOT output STREQUAL "28902940000.00\n")
    message(FATAL_ERROR "the installed Python module answered: ${output}")
  endif()
endif()
file(REMOVE_RECURSE ${SCRATCH})
