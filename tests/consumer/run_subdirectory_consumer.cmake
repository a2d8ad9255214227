# Configures a project that adds ku's source tree with add_subdirectory, builds its two
# consumers (ku::ku and ku::core) and runs them.
file(REMOVE_RECURSE ${WORK_DIR})
foreach(step
    "${CMAKE_COMMAND};-S;${CONSUMER_DIR};-B;${WORK_DIR};-DKU_SOURCE_DIR=${KU_SOURCE_DIR};-DCMAKE_BUILD_TYPE=Debug;-DCMAKE_UNITY_BUILD=ON"
    "${CMAKE_COMMAND};--build;${WORK_DIR};--parallel;2;--target;consumer;core_consumer"
    "${WORK_DIR}/consumer"
    "${WORK_DIR}/core_consumer")
  execute_process(COMMAND ${step} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "failed: ${step}\n${out}\n${err}")
  endif()
  message("${out}")
endforeach()
